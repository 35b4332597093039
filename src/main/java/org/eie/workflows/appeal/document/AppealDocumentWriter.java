package org.eie.workflows.appeal.document;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.document.AppealDocument.PartnerRequirement;
import org.eie.workflows.documents.Digits;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.Names;
import org.springframework.stereotype.Component;

/**
 * Writes the donor-ready appeal document as PDF: the template {@code templates/appeal/appeal.html}
 * filled with an {@link AppealDocument}, in the reader's language (Arabic, English, French,
 * Portuguese, Spanish; any other language falls back to English; Arabic laid out right to left),
 * with the PDF's title, subject and keywords from the same message bundle, and the appeal's
 * figures embedded as a CSV file with HXL hashtags ({@link AppealFiguresCsv}).
 *
 * <p>The template prints figures, it never adds them up: every total it shows is a figure of the
 * record, and before anything is rendered {@link AppealFigures#inconsistencies} checks that each
 * total is the sum of its parts. A document whose figures do not add up is not written.
 */
@Component
public class AppealDocumentWriter {

  static final String TEMPLATE = "appeal/appeal";
  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final DocumentRenderer renderer;

  public AppealDocumentWriter(DocumentRenderer renderer) {
    this.renderer = renderer;
  }

  public byte[] write(AppealDocument document, Locale locale) {
    return write(document, locale, null);
  }

  /**
   * A revised version, with its page "What changed since version N".
   *
   * @param changes what changed since the previous version; null for a first version
   */
  public byte[] write(AppealDocument document, Locale locale, AppealChanges changes) {
    var problems = AppealFigures.inconsistencies(document);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The appeal's figures do not add up, no document is written: "
          + String.join("; ", problems));
    }
    return renderer.render(request(document, locale, changes));
  }

  /** What goes to the renderer: also useful to look at the filled XHTML. */
  DocumentRequest request(AppealDocument document, Locale locale) {
    return request(document, locale, null);
  }

  DocumentRequest request(AppealDocument document, Locale locale, AppealChanges changes) {
    var messages = ResourceBundle.getBundle("templates/" + TEMPLATE, locale,
        AppealDocumentWriter.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK);
    Locale language = messages.getLocale().getLanguage().isEmpty()
        ? Locale.ENGLISH : messages.getLocale();
    // Numbers and dates follow the reader's own variant of the language where the bundles have
    // it (en-GB writes 13 August 2020, en-US August 13, 2020; fr-CH other separators than fr-FR).
    Locale formats = locale.getLanguage().equals(language.getLanguage()) ? locale : language;
    String appealType = messages.getString("appealType." + document.appealType().name());
    String country = countryName(document, language);
    String title = format(messages, language, "pdf.title", country, appealType,
        document.version());
    String subject = format(messages, language, "pdf.subject", country, appealType);
    String keywords = format(messages, language, "pdf.keywords", country, appealType,
        document.countryCode());
    Map<String, Object> model = new HashMap<>(Map.of(
        "appeal", document,
        "fmt", new AppealFormats(formats),
        "documentTitle", title,
        "countryName", country,
        "appealTypeName", appealType,
        "activityNames", activityNames(document),
        "rtl", DocumentRequest.rightToLeft(language),
        "activityFunding", document.funding() == null ? Map.of()
            : document.funding().byActivity().stream().collect(Collectors.toMap(
                AppealDocument.ActivityFunding::activity, a -> a, (a, b) -> a)),
        "partnerRequirements", document.requirements().byPartner().stream().collect(
            Collectors.toMap(PartnerRequirement::partner, r -> r, (a, b) -> a))));
    model.put("changes", changes);
    var figures = new DocumentRequest.Attachment(
        AppealFiguresCsv.fileName(document), "text/csv",
        format(messages, language, "pdf.attachment"), AppealFiguresCsv.write(document));
    return new DocumentRequest(TEMPLATE, language, model, title, subject, keywords,
        java.util.List.of(figures));
  }

  /**
   * Names of activities as the response plan gives them, for activities the bundles do not name;
   * an activity a project names but the plan does not shows as its code.
   */
  private static Map<String, String> activityNames(AppealDocument document) {
    Map<String, String> names = new HashMap<>();
    document.projects().forEach(p -> p.activities().forEach(
        line -> names.put(line.activity(), line.activity())));
    document.requirements().byActivity().forEach(r -> names.put(r.activity(), r.activity()));
    document.response().priorityActivities().forEach(a ->
        names.put(a.code(), a.name() == null ? a.code() : a.name()));
    return names;
  }

  /**
   * The country as the reader's language names it (CLDR, through the JDK, as the donors' e-mail
   * names it): Liban, لبنان. The name the deployment configures is English and stays the
   * fallback for a code CLDR does not know.
   */
  static String countryName(AppealDocument document, Locale language) {
    return Names.country(document.countryCode(), language, document.countryName());
  }

  private static String format(ResourceBundle messages, Locale locale, String key,
      Object... arguments) {
    return new MessageFormat(messages.getString(key), Digits.western(locale)).format(arguments);
  }
}
