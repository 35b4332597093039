package org.eie.workflows.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The one way e-mail leaves the application: the SMTP server named by {@code spring.mail.*}
 * (host, port, username, password, properties), and the guard that makes it at most one message
 * per {@link Ledger} row.
 *
 * <h2>The guarantee</h2>
 * <ol>
 *   <li>One row per message, recorded before anything is sent (the ledger's unique key).</li>
 *   <li>{@link #sendOnce} runs in a transaction of its own: it locks the row, returns at once if
 *       the message went out already, otherwise records the attempt (committed on its own),
 *       hands the message to the SMTP server and, as soon as the server has accepted it, records
 *       it sent and commits. A second node (or a second run of the same step) blocks on the lock
 *       until the first commits, then finds it sent and sends nothing.</li>
 *   <li>The Message-ID comes from the row, the same on every attempt.</li>
 *   <li>A failed attempt is recorded in a transaction of its own and rethrown; the row stays
 *       unsent and goes out at the caller's next try (the engine's job retry, the next
 *       sweep) once the server answers again.</li>
 * </ol>
 *
 * <p><b>The remaining window.</b> SMTP has no two-phase commit. If the process dies (or the
 * database connection is lost) <em>after</em> the server accepted the message and
 * <em>before</em> the row's update commits — the time of one UPDATE and one COMMIT — the row
 * still reads "not sent" and the next try sends the message again. That repeat carries the same
 * Message-ID, so mail systems and clients that de-duplicate on it show one message, and a person
 * can tell the two are the same; a ledger that keeps its attempts has the repeat on record.
 *
 * <p>Without a mail server ({@link #configured()} false, the embedded default) nothing is sent
 * and callers wait visibly. The SMTP client is built from the properties on each use rather than
 * once at start-up, so a server that is down at start-up, or comes later, is simply used when it
 * is there. A failing server is remembered as an {@link Outage} until it answers again (a send
 * or a {@link #reachable()} probe), for the health endpoint.
 */
@Component("outgoingMail") // "mailSender" is Spring Boot's JavaMailSender once spring.mail.host is set
@EnableConfigurationProperties(MailProperties.class)
public class MailSender {

  static final String NOT_CONFIGURED = "no mail server configured";
  private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

  private final MailProperties mail;
  private final TransactionTemplate ownTransaction;
  private final String messageIdDomain;
  private final AtomicReference<Outage> outage = new AtomicReference<>();

  MailSender(MailProperties mail, PlatformTransactionManager transactions,
      @Value("${eie.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.mail = mail;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String host = URI.create(publicBaseUrl.replaceAll("/+$", "")).getHost();
    this.messageIdDomain = host == null ? "eie-workflows.local" : host;
  }

  /** The mail server failing since a moment, with its last error. */
  public record Outage(Instant since, String error) {
  }

  /** Whether a mail server is configured. */
  public boolean configured() {
    return StringUtils.hasText(mail.getHost());
  }

  /** The server's host, for log lines. */
  public String host() {
    return mail.getHost();
  }

  /** Since when, and why, the server does not answer; empty while it does (or was not tried). */
  public Optional<Outage> outage() {
    return Optional.ofNullable(outage.get());
  }

  /**
   * Connects to the SMTP server and says hello, sending nothing.
   *
   * @return whether it answered; if not, {@link #outage()} says since when and why
   */
  public boolean reachable() {
    try {
      transport().testConnection();
    } catch (MessagingException | RuntimeException unreachable) {
      failing(unreachable);
      return false;
    }
    answering();
    return true;
  }

  /** A Message-ID in this application's domain, for a ledger to derive from its row. */
  public String messageId(String localPart) {
    return "<" + localPart + "@" + messageIdDomain + ">";
  }

  /**
   * Sends the message of one ledger row unless it went out already (see the class comment for
   * the guarantee and its window).
   *
   * @param write the letter for the locked row, or empty if it is not to be sent after all (then
   *              {@code write} records why, under the same lock)
   * @return true if this call sent the message, false if it went out before or was not to be
   * @throws RuntimeException if the server is not configured, does not answer or refuses: the
   *     row stays unsent for the caller's next try
   */
  public <R> boolean sendOnce(Ledger<R> ledger, String id, Function<R, Optional<Letter>> write) {
    if (!configured()) {
      throw new IllegalStateException(NOT_CONFIGURED);
    }
    var attemptId = new AtomicReference<String>();
    try {
      return Boolean.TRUE.equals(ownTransaction.execute(status -> {
        R row = ledger.lockUnsent(id).orElse(null);
        if (row == null) {
          return false;
        }
        Letter letter = write.apply(row).orElse(null);
        if (letter == null) {
          return false;
        }
        JavaMailSenderImpl transport = transport();
        MimeMessage message = envelope(transport, ledger, row, letter);
        attemptId.set(ownTransaction.execute(attempt -> ledger.attemptBegins(row)));
        send(transport, message);
        // Accepted by the SMTP server: recorded now, in this same short transaction.
        ledger.sent(row, letter);
        return true;
      }));
    } catch (RuntimeException failure) {
      String reason = describe(failure);
      ownTransaction.executeWithoutResult(status -> ledger.failed(id, attemptId.get(),
          reason.length() > 900 ? reason.substring(0, 900) : reason));
      throw failure;
    }
  }

  private void send(JavaMailSenderImpl transport, MimeMessage message) {
    try {
      transport.send(message);
    } catch (MailException refused) {
      failing(refused);
      throw refused;
    }
    answering();
  }

  /** The letter with this application's envelope: sender, date, language, Message-ID. */
  private <R> MimeMessage envelope(JavaMailSenderImpl transport, Ledger<R> ledger, R row,
      Letter letter) {
    MimeMessage message = transport.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, !letter.attachments().isEmpty(), "UTF-8");
      helper.setFrom(ledger.from());
      helper.setTo(letter.to());
      helper.setSubject(letter.subject());
      helper.setSentDate(Date.from(Instant.now()));
      helper.setText(letter.body(), false);
      for (Letter.Attachment attachment : letter.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      message.setHeader("Content-Language", letter.language().getLanguage());
      // Kept by Spring's sender when it saves the message (Jakarta Mail would make a new one).
      message.setHeader("Message-ID", ledger.messageId(row));
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not write the e-mail to " + letter.to(), e);
    }
  }

  private void failing(Exception failure) {
    Outage previous = outage.get();
    outage.set(new Outage(previous == null ? ClockUtil.getCurrentTime().toInstant()
        : previous.since(), describe(failure)));
    if (previous == null) {
      LOG.warn("Mail server {} unreachable: e-mails wait and go out when it answers ({})",
          mail.getHost(), failure.toString());
    }
  }

  private void answering() {
    if (outage.getAndSet(null) != null) {
      LOG.info("Mail server {} answers again: waiting e-mails go out.", mail.getHost());
    }
  }

  private JavaMailSenderImpl transport() {
    var sender = new JavaMailSenderImpl();
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    if (mail.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(mail.getDefaultEncoding().name());
    }
    // A hung server must fail the attempt (and be retried), not hold the job and the row lock.
    var properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "10000");
    properties.setProperty("mail.smtp.timeout", "30000");
    properties.setProperty("mail.smtp.writetimeout", "30000");
    properties.putAll(mail.getProperties());
    sender.setJavaMailProperties(properties);
    return sender;
  }

  /** A failure's messages down its causes, for a status column and the health details. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null && text.length() < 600;
        cause = cause.getCause()) {
      if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
        text.append(text.isEmpty() ? "" : " / ").append(cause.getMessage());
      }
    }
    return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
  }
}
