package org.eie.workflows.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes one notification: in the user's language where
 * {@code templates/notifications/email_<lang>.properties} exists (English otherwise), a short
 * summary of the task and the link that opens it in Tasklist, with a Message-ID fixed per task,
 * event and user.
 */
@Component
class NotificationMail {

  private static final String BUNDLE = "templates/notifications/email";
  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String from;
  private final String publicBaseUrl;
  private final String messageIdDomain;

  NotificationMail(
      @Value("${eie.notifications.mail-from:${eie.donors.mail-from:tasks@eie-workflows.local}}")
      String from,
      @Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.from = from;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    String host = URI.create(this.publicBaseUrl).getHost();
    this.messageIdDomain = host == null ? "eie-workflows.local" : host;
  }

  /** What the mail says about the task, read from the engine when it is sent. */
  record TaskSummary(String taskId, String name, String process, String country,
      String businessKey, Instant due) {
  }

  /** Where the task opens in Tasklist (after login). */
  String taskLink(String taskId) {
    return publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** The same on every attempt: a repeat is recognisably the same message. */
  String messageId(Notification row) {
    return "<task." + row.taskId() + "." + row.event().name().toLowerCase(Locale.ROOT) + "."
        + row.userId() + "@" + messageIdDomain + ">";
  }

  MimeMessage write(MimeMessage message, Notification row, TaskSummary task, String recipientName,
      String email, String language) {
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
    try {
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(email);
      helper.setSubject(format(bundle, locale, "email.subject." + event, task.name(), due));
      helper.setSentDate(Date.from(Instant.now()));
      helper.setText(body, false);
      message.setHeader("Content-Language", locale.getLanguage());
      message.setHeader("Message-ID", messageId(row));
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not write the notification to " + email, e);
    }
  }

  private static String format(ResourceBundle bundle, Locale locale, String key,
      Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
