package org.eie.workflows.donors;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Processes;
import org.eie.workflows.mail.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mail server as the donor delivery process sees it: whether one is configured, and the
 * deliveries that waited for one. The server itself is {@link MailSender}'s.
 *
 * <p>The bean keeps its name {@code donorMailServer} because every deployed version of
 * {@code appealDonorDelivery}, and each instance still running on one, evaluates
 * {@code ${donorMailServer.configured()}}: renaming it would leave those instances failing at
 * that gateway. Public because the BPMN's expression language calls {@link #configured()} by
 * reflection.
 */
@Component("donorMailServer")
public class DonorMailServer {

  private static final Logger LOG = LoggerFactory.getLogger(DonorMailServer.class);

  private final MailSender mail;
  private final ManagementService management;

  DonorMailServer(MailSender mail, ManagementService management) {
    this.mail = mail;
    this.management = management;
  }

  /** Whether a mail server is configured; BPMN: {@code ${donorMailServer.configured()}}. */
  public boolean configured() {
    return mail.configured();
  }

  /**
   * Deliveries that waited for a mail server go out at start-up once one is configured, instead
   * of at their next periodic re-check.
   */
  @EventListener(ApplicationReadyEvent.class)
  void releaseWaitingDeliveries() {
    if (!mail.configured()) {
      return;
    }
    var waiting = management.createJobQuery().processDefinitionKey(Processes.APPEAL_DONOR_DELIVERY)
        .activityId(AppealDonorDelivery.MAIL_SERVER_RECHECK).list();
    Date now = ClockUtil.getCurrentTime();
    waiting.forEach(job -> management.setJobDuedate(job.getId(), now));
    if (!waiting.isEmpty()) {
      LOG.info("Mail server {} configured: {} appeal deliveries waiting for it go out now.",
          mail.host(), waiting.size());
    }
  }
}
