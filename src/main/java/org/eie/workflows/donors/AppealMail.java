package org.eie.workflows.donors;

import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eie.workflows.documents.Names;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.mail.Letter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mail that carries an appeal version to one donor: in the donor's language where
 * {@code templates/donors/email_<lang>.properties} exists (English otherwise), the PDF attached,
 * the personal download link; {@code mail/MailSender} adds the sender ({@code eie.donors.mail-from},
 * through {@link DeliveryLedger}) and the delivery's fixed Message-ID.
 */
@Component
class AppealMail {

  private static final String BUNDLE = "templates/donors/email";
  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String publicBaseUrl;

  AppealMail(@Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  String downloadLink(String token) {
    return publicBaseUrl + "/api/donor-downloads/" + token;
  }

  /**
   * @param changes what changed since the previous version, stated after the introduction;
   *                null for a first version
   */
  Letter write(Delivery delivery, Donor donor, StoredDocument document,
      DownloadTokens.Issued link, ChangeSummary changes) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(
        delivery.language()), AppealMail.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK);
    Locale locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH
        : bundle.getLocale();
    String appealType = bundle.getString("appealType." + delivery.appealType());
    String country = Names.country(delivery.country(), locale, delivery.country());
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale).withZone(ZoneOffset.UTC);

    String body = String.join("\n\n",
        format(bundle, locale, "email.greeting", donor.contactName()),
        format(bundle, locale, "email.body", appealType, country,
            String.valueOf(delivery.documentVersion()), dates.format(document.createdAt()))
            + (changes == null ? "" : "\n\n" + changes(bundle, locale, changes)),
        format(bundle, locale, "email.link", dates.format(link.expiresAt())) + "\n"
            + downloadLink(link.token()),
        format(bundle, locale, "email.closing") + "\n" + format(bundle, locale, "email.signature"),
        "-- \n" + format(bundle, locale, "email.why", donor.organisation(),
            country + ", " + appealType));
    return new Letter(delivery.email(), format(bundle, locale, "email.subject", appealType,
        country, String.valueOf(delivery.documentVersion())), body, locale,
        List.of(new Letter.Attachment(document.fileName(), document.content(),
            document.contentType())));
  }

  /** The change summary of a revised version, one line per figure. */
  private static String changes(ResourceBundle bundle, Locale locale, ChangeSummary changes) {
    String notKnown = format(bundle, locale, "email.changes.notKnown");
    java.util.function.Function<java.math.BigDecimal, Object> usd =
        amount -> amount == null ? notKnown : amount;
    return String.join("\n",
        format(bundle, locale, "email.changes", String.valueOf(changes.sinceVersion())),
        "- " + format(bundle, locale, "email.changes.requirement",
            usd.apply(changes.requirementAfter()), String.valueOf(changes.sinceVersion()),
            usd.apply(changes.requirementBefore())),
        "- " + format(bundle, locale, "email.changes.targeted", changes.targetedAfter(),
            String.valueOf(changes.sinceVersion()), changes.targetedBefore()),
        "- " + format(bundle, locale, "email.changes.projects", changes.projectsAdded(),
            changes.projectsChanged(), changes.projectsWithdrawn()),
        "- " + format(bundle, locale, "email.changes.funded",
            usd.apply(changes.fundedAfter()), String.valueOf(changes.sinceVersion()),
            usd.apply(changes.fundedBefore())),
        format(bundle, locale, "email.changes.details", String.valueOf(changes.sinceVersion())));
  }

  private static String format(ResourceBundle bundle, Locale locale, String key,
      Object... arguments) {
    String pattern = bundle.getString(key);
    return arguments.length == 0 ? pattern.replace("''", "'")
        : new MessageFormat(pattern, locale).format(arguments);
  }
}
