package org.eie.workflows.donors;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.eie.workflows.Processes;
import org.eie.workflows.mail.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the SMTP server while donor deliveries need it. A delivery that failed waits for its
 * next back-off step (up to 60 minutes); this notices the server's return and sends the waiting
 * deliveries within a minute or two instead. During an outage each delivery instance with a
 * failed attempt carries an incident {@value #INCIDENT_TYPE} (Cockpit: the Secretariat and the
 * country's co-leads see it), resolved when the server answers again; the health endpoint's
 * details (administrators only) say since when the server is unreachable.
 *
 * <p>Every node watches; what it changes (due dates, incidents) is the same whoever does it.
 */
@Component("donorMailServerHealthIndicator")
@ConditionalOnProperty(name = "eie.donors.mail-server-watch", havingValue = "true",
    matchIfMissing = true)
class MailServerWatch implements HealthIndicator {

  static final String INCIDENT_TYPE = "mailServerUnreachable";
  private static final Logger LOG = LoggerFactory.getLogger(MailServerWatch.class);

  private final MailSender mail;
  private final DonorMailServer donorMailServer;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final AtomicReference<State> state = new AtomicReference<>(State.unknown());

  MailServerWatch(MailSender mail, DonorMailServer donorMailServer, ManagementService management,
      RuntimeService runtime) {
    this.mail = mail;
    this.donorMailServer = donorMailServer;
    this.management = management;
    this.runtime = runtime;
  }

  /** What the last check found. */
  record State(String smtp, Instant since, Instant checkedAt, String error, int retrying) {
    static State unknown() {
      return new State("not checked yet", null, null, null, 0);
    }

    boolean reachable() {
      return "reachable".equals(smtp);
    }
  }

  @Scheduled(initialDelayString = "${eie.donors.mail-server-check-interval:PT1M}",
      fixedDelayString = "${eie.donors.mail-server-check-interval:PT1M}")
  void scheduledCheck() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.warn("Mail server check failed: {}", e.toString());
    }
  }

  /** Probes the server; sends the waiting deliveries now if it answers, flags them if not. */
  State check() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!mail.configured()) {
      return remember(new State("not configured", null, now, null, 0));
    }
    List<Job> failed = failedSendJobs();
    if (!mail.reachable()) {
      // Since the first failure anyone saw: this probe's, or a send's before it.
      MailSender.Outage outage = mail.outage()
          .orElse(new MailSender.Outage(now, "did not answer")); // unless it answered since
      State down = new State("unreachable", outage.since(), now, outage.error(), failed.size());
      flagOutage(failed, down);
      return remember(down);
    }
    int released = sendWaitingNow(failed);
    donorMailServer.releaseWaitingDeliveries();
    if (released > 0) {
      LOG.info("Mail server answers again: {} donor deliveries that were waiting for their next"
          + " retry go out now.", released);
    }
    State previous = state.get();
    Instant since = previous.reachable() && previous.since() != null ? previous.since() : now;
    return remember(new State("reachable", since, now, null, 0));
  }

  private State remember(State current) {
    state.set(current);
    return current;
  }

  /** Send jobs whose last attempt failed and that still have retries (else: a failedJob incident). */
  private List<Job> failedSendJobs() {
    return management.createJobQuery().processDefinitionKey(Processes.APPEAL_DONOR_DELIVERY)
        .activityId("Task_SendToDonor").withException().withRetriesLeft().list();
  }

  private int sendWaitingNow(List<Job> failed) {
    Date now = ClockUtil.getCurrentTime();
    int released = 0;
    for (Job job : failed) {
      if (job.getDuedate() == null || job.getDuedate().after(now)) {
        management.setJobDuedate(job.getId(), now);
        released++;
      }
    }
    // Only the outages' own incidents: the copies the engine keeps on the calling appeal are
    // resolved with them (resolving a copy after its cause answered "not found").
    runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).list().stream()
        .filter(incident -> incident.getId().equals(incident.getCauseIncidentId()))
        .forEach(incident -> runtime.resolveIncident(incident.getId()));
    return released;
  }

  private void flagOutage(List<Job> failed, State down) {
    String message = "Mail server unreachable since " + down.since() + ": donor e-mails wait and"
        + " go out when it answers again (" + down.error() + ")";
    String trimmed = message.length() > 3900 ? message.substring(0, 3900) : message;
    for (Job job : failed) {
      boolean flagged = runtime.createIncidentQuery().incidentType(INCIDENT_TYPE)
          .processInstanceId(job.getProcessInstanceId()).count() > 0;
      if (!flagged) {
        runtime.createIncident(INCIDENT_TYPE, job.getExecutionId(), job.getId(), trimmed);
      }
    }
  }

  @Override
  public Health health() {
    State current = state.get();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("smtp", current.smtp());
    if (current.since() != null) {
      details.put("since", current.since().toString());
    }
    if (current.checkedAt() != null) {
      details.put("checkedAt", current.checkedAt().toString());
    }
    if (current.error() != null) {
      details.put("error", current.error());
      details.put("deliveriesWaiting", current.retrying());
    }
    // Up in either case: a mail outage must not take the node out of service; deliveries wait.
    return Health.up().withDetails(details).build();
  }
}
