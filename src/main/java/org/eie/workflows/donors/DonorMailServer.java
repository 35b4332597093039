package org.eie.workflows.donors;

import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP server named by {@code spring.mail.*} (host, port, username, password, properties).
 * The embedded default names none: then {@link #configured()} is false and the delivery process
 * waits visibly ("not sent: no mail server configured") instead of pretending to send.
 *
 * <p>Task notifications ({@code notifications/}) go through the same server.
 *
 * <p>The sender is built from the properties on each use rather than once at start-up, so a
 * server that is down at start-up, or comes later, is simply used when it is there. Public
 * because the BPMN's expression language calls {@link #configured()} by reflection.
 */
@Component("donorMailServer")
@EnableConfigurationProperties(MailProperties.class)
public class DonorMailServer {

  private static final Logger LOG = LoggerFactory.getLogger(DonorMailServer.class);

  private final MailProperties mail;
  private final ManagementService management;

  DonorMailServer(MailProperties mail, ManagementService management) {
    this.mail = mail;
    this.management = management;
  }

  /** Whether a mail server is configured; BPMN: {@code ${donorMailServer.configured()}}. */
  public boolean configured() {
    return StringUtils.hasText(mail.getHost());
  }

  /** Hands the message to the SMTP server; returns once the server accepted it. */
  public void send(MimeMessage message) {
    if (!configured()) {
      throw new IllegalStateException(DeliveryLedger.NO_MAIL_SERVER);
    }
    sender().send(message);
  }

  /** Connects to the SMTP server and says hello, sending nothing; fails if it is unreachable. */
  void probe() throws jakarta.mail.MessagingException {
    sender().testConnection();
  }

  /** A new, empty message for this server's session. */
  public MimeMessage newMessage() {
    return sender().createMimeMessage();
  }

  private JavaMailSenderImpl sender() {
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

  /**
   * Deliveries that waited for a mail server go out at start-up once one is configured, instead
   * of at their next periodic re-check.
   */
  @EventListener(ApplicationReadyEvent.class)
  void releaseWaitingDeliveries() {
    if (!configured()) {
      return;
    }
    var waiting = management.createJobQuery().processDefinitionKey(Processes.APPEAL_DONOR_DELIVERY)
        .activityId(AppealDonorDelivery.MAIL_SERVER_RECHECK).list();
    Date now = ClockUtil.getCurrentTime();
    waiting.forEach(job -> management.setJobDuedate(job.getId(), now));
    if (!waiting.isEmpty()) {
      LOG.info("Mail server {} configured: {} appeal deliveries waiting for it go out now.",
          mail.getHost(), waiting.size());
    }
  }
}
