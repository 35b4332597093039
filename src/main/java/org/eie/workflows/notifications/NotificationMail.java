package org.eie.workflows.notifications;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eie.workflows.mail.Letter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes one notification: in the user's language where
 * {@code templates/notifications/email_<lang>.properties} exists (English otherwise), a short
 * summary of the task and the link that opens it in Tasklist. {@code mail/MailSender} adds the
 * sender and the Message-ID fixed per task, event and user ({@link NotificationLedger}).
 */
@Component
class NotificationMail {

  private static final String BUNDLE = "templates/notifications/email";
  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String publicBaseUrl;

  NotificationMail(@Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** What the mail says about the task, read from the engine when it is sent. */
  record TaskSummary(String taskId, String name, String process, String country,
      String businessKey, Instant due) {
  }

  /** Where the task opens in Tasklist (after login). */
  String taskLink(String taskId) {
    return publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  Letter write(Notification row, TaskSummary task, String recipientName, String email,
      String language) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        NotificationMail.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK);
    Locale locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH
        : bundle.getLocale();
    String due = task.due() == null ? format(bundle, locale, "email.noDueDate")
        : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", locale)
            .withZone(ZoneOffset.UTC).format(task.due());
    String event = row.event().name();

    List<String> facts = new ArrayList<>();
    facts.add(format(bundle, locale, "email.task", task.name()));
    facts.add(format(bundle, locale, "email.process", task.process()));
    if (task.country() != null) {
      facts.add(format(bundle, locale, "email.country", task.country()));
    }
    if (task.businessKey() != null) {
      facts.add(format(bundle, locale, "email.reference", task.businessKey()));
    }
    facts.add(format(bundle, locale, "email.due", due));
    String body = String.join("\n\n",
        format(bundle, locale, "email.greeting", recipientName) + "\n"
            + format(bundle, locale, "email.intro." + event, due),
        String.join("\n", facts),
        format(bundle, locale, "email.link") + "\n" + taskLink(task.taskId()),
        format(bundle, locale, "email.signature"),
        "-- \n" + format(bundle, locale, "email.why",
            publicBaseUrl + "/api/me/notifications"));
    return new Letter(email,
        format(bundle, locale, "email.subject." + event, task.name(), due), body, locale);
  }

  private static String format(ResourceBundle bundle, Locale locale, String key,
      Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
