package org.eie.workflows.mail;

import java.util.List;
import java.util.Locale;

/**
 * What one e-mail says, written by the feature that sends it; {@link MailSender} adds the
 * envelope (sender address, date, Message-ID, language).
 *
 * @param language the language the text is in ({@code Content-Language})
 */
public record Letter(String to, String subject, String body, Locale language,
    List<Attachment> attachments) {

  public Letter {
    attachments = List.copyOf(attachments);
  }

  /** A plain-text letter without attachments. */
  public Letter(String to, String subject, String body, Locale language) {
    this(to, subject, body, language, List.of());
  }

  /** A file that travels with the letter. */
  public record Attachment(String fileName, byte[] content, String contentType) {
  }
}
