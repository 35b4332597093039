package org.eie.workflows.donors;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.assertj.core.api.Assertions;
import org.eie.workflows.mail.Ledger;
import org.eie.workflows.mail.Letter;
import org.eie.workflows.mail.MailSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/**
 * Scenarios of {@code appealDonorDelivery} against a real SMTP server (GreenMail) on PostgreSQL:
 * who receives what, how often, what happens when the mail server is absent or down, and the
 * download link in the e-mail.
 */
class AppealDonorDeliveryTest extends DonorsTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK = Pattern.compile("http://localhost:8080(/api/donor-downloads/[A-Za-z0-9_-]+)");

  @Autowired
  AppealDelivery appealDelivery;
  @Autowired
  DeliveryLedger ledger;
  @Autowired
  MailProperties mailProperties;
  @Autowired
  DonorMailServer mailServer;
  @Autowired
  MailSender mailSender;
  @Autowired
  MailServerWatch watch;

  @Test
  void subscribedDonorsReceiveExactlyOneMessageEachWithTheAppealPdf() throws Exception {
    Donor byCountry = donor("Government of Norway", "en", List.of("LB"), List.of());
    Donor byType = donor("Agence Française", "fr", List.of(), List.of("FLASH_APPEAL"));
    Donor both = donor("ECHO", "en", List.of("LB"), List.of("FLASH_APPEAL"));
    Donor otherCountryAndType = donor("Colombia Fund", "es", List.of("CO"),
        List.of("HRP_REVISION"));
    Donor unsubscribed = donor("Former Donor", "en", List.of("LB"), List.of("FLASH_APPEAL"));
    registry.unsubscribe(unsubscribed.id());
    String appealId = appealWithDocument("LB");

    ProcessInstance delivery = startDelivery(appealId, "LB", "FLASH_APPEAL", 1);
    assertThat(delivery).isWaitingAt("Task_SelectDonors");
    executeJobs(delivery);
    Assertions.assertThat(sendJobs(delivery)).isEqualTo(3);
    Assertions.assertThat(executeJobs(delivery)).isEqualTo(3);

    assertThat(delivery).isEnded().hasPassed("Gateway_MailServerConfigured", "Event_Delivered");
    Assertions.assertThat(smtp.getReceivedMessages()).hasSize(3);
    for (Donor donor : List.of(byCountry, byType, both)) {
      List<MimeMessage> received = messagesTo(donor.email());
      Assertions.assertThat(received).as(donor.organisation()).hasSize(1);
      MimeMessage message = received.get(0);
      Assertions.assertThat(message.getMessageID()).isEqualTo(
          ledger.find(appealId, 1, donor.id()).orElseThrow().messageId());
      List<byte[]> pdfs = pdfAttachments(message);
      Assertions.assertThat(pdfs).hasSize(1);
      try (var pdf = Loader.loadPDF(pdfs.get(0))) {
        Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("Requirements for LB");
      }
      Assertions.assertThat(text(message)).contains(donor.contactName())
          .containsPattern(LINK);
    }
    Assertions.assertThat(messagesTo(otherCountryAndType.email())).isEmpty();
    Assertions.assertThat(messagesTo(unsubscribed.email())).isEmpty();

    // In the donor's language where a bundle exists.
    Assertions.assertThat(messagesTo(byType.email()).get(0).getSubject())
        .startsWith("Appel du Cluster Éducation").contains("Liban");
    Assertions.assertThat(text(messagesTo(byType.email()).get(0))).contains("Bonjour");
    Assertions.assertThat(messagesTo(byCountry.email()).get(0).getSubject())
        .startsWith("Education Cluster appeal: Flash Appeal, Lebanon (version 1)");

    // The Secretariat sees each delivery as SENT with time and Message-ID; Colombia's co-lead
    // sees none of Lebanon's.
    JsonNode deliveries = JSON.readTree(http.get("/api/donor-deliveries?appealId=" + appealId,
        "secretariat").body());
    Assertions.assertThat(deliveries).hasSize(3);
    deliveries.forEach(row -> {
      Assertions.assertThat(row.get("status").asText()).isEqualTo("SENT");
      Assertions.assertThat(row.get("sentAt").isNull()).isFalse();
      Assertions.assertThat(row.get("messageId").asText()).startsWith("<appeal." + appealId);
      Assertions.assertThat(row.get("attempts").asInt()).isEqualTo(1);
    });
    Assertions.assertThat(JSON.readTree(http.get("/api/donor-deliveries?appealId=" + appealId,
        "co.unicef").body())).isEmpty();
    Assertions.assertThat(JSON.readTree(http.get("/api/donor-deliveries?appealId=" + appealId,
        "lb.unicef").body())).hasSize(3);
  }

  @Test
  void anAppealWithoutSubscribedDonorsEndsWithoutMail() {
    donor("Colombia Fund", "en", List.of("CO"), List.of("HRP_REVISION"));
    String appealId = appealWithDocument("ML");

    ProcessInstance delivery = startDelivery(appealId, "ML", "CERF_RAPID_RESPONSE", 1);
    executeJobs(delivery);

    assertThat(delivery).isEnded().hasPassed("Event_NoDonorSubscribed")
        .hasNotPassed("Task_SendToDonor");
    Assertions.assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutMailServerDeliveriesWaitVisiblyAndGoOutOnceOneIsConfigured() throws Exception {
    Donor donor = donor("Global Partnership", "en", List.of("SD"), List.of());
    String appealId = appealWithDocument("SD");
    String host = mailProperties.getHost();
    ProcessInstance delivery;
    mailProperties.setHost(null); // the embedded default: no spring.mail.host
    try {
      delivery = startDelivery(appealId, "SD", "FLASH_APPEAL", 1);
      executeJobs(delivery);

      assertThat(delivery).isWaitingAt("Event_MailServerRecheck")
          .hasPassed("Task_RecordMailServerMissing")
          .variables().containsEntry("deliveryStatus", "not sent: no mail server configured");
      JsonNode rows = JSON.readTree(http.get("/api/donor-deliveries?appealId=" + appealId,
          "secretariat").body());
      Assertions.assertThat(rows).hasSize(1);
      Assertions.assertThat(rows.get(0).get("status").asText())
          .isEqualTo("WAITING_FOR_MAIL_SERVER");
      Assertions.assertThat(rows.get(0).get("statusDetail").asText())
          .isEqualTo("not sent: no mail server configured");
      // In Cockpit: the Secretariat sees the waiting instance of Sudan, Colombia's co-lead not.
      String instances = "/engine-rest/process-instance?processDefinitionKey=appealDonorDelivery";
      Assertions.assertThat(http.get(instances, "secretariat").body()).contains(delivery.getId());
      Assertions.assertThat(http.get(instances, "co.unicef").body())
          .doesNotContain(delivery.getId());

      // Still none at the next re-check: it waits again, nothing is pretended.
      executeJobs(delivery);
      assertThat(delivery).isWaitingAt("Event_MailServerRecheck");
      Assertions.assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      mailProperties.setHost(host);
    }

    // A server is configured: at start-up the waiting re-check becomes due at once...
    ClockUtil.setCurrentTime(new Date());
    mailServer.releaseWaitingDeliveries();
    var recheck = management.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    Assertions.assertThat(recheck.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    executeJobs(delivery);
    Assertions.assertThat(sendJobs(delivery)).isEqualTo(1);
    executeJobs(delivery);

    assertThat(delivery).isEnded();
    Assertions.assertThat(messagesTo(donor.email())).hasSize(1);
    Assertions.assertThat(ledger.find(appealId, 1, donor.id()).orElseThrow().status())
        .isEqualTo(Delivery.Status.SENT);
  }

  @Test
  void aDonorWhoseDeliveryKeepsFailingBecomesAnIncidentAndGetsItOnceAfterRecovery() {
    Donor first = donor("First Donor", "en", List.of("HT"), List.of());
    Donor second = donor("Second Donor", "en", List.of("HT"), List.of());
    String appealId = appealWithDocument("HT");
    ProcessInstance delivery = startDelivery(appealId, "HT", "FLASH_APPEAL", 1);
    executeJobs(delivery);
    var jobs = management.createJobQuery().processInstanceId(delivery.getId()).list();
    Assertions.assertThat(jobs).hasSize(2);
    String failingJob = jobs.get(0).getId();
    String otherJob = jobs.get(1).getId();

    smtp.stop(); // the mail server goes down
    int attempts = 0;
    while (management.createJobQuery().jobId(failingJob).singleResult().getRetries() > 0) {
      Assertions.assertThatThrownBy(() -> management.executeJob(failingJob))
          .hasMessageContaining("Mail server connection failed");
      attempts++;
    }
    Assertions.assertThat(attempts).isEqualTo(5); // first try + 4 retries with back-off
    var incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(delivery.getId()).singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_SendToDonor");
    List<Delivery> rows = ledger.deliveriesOf(appealId, 1);
    Delivery failing = rows.stream().filter(row -> row.attempts() > 0).findFirst().orElseThrow();
    Assertions.assertThat(failing.status()).isEqualTo(Delivery.Status.RETRYING);
    Assertions.assertThat(failing.attempts()).isEqualTo(5);
    Assertions.assertThat(failing.statusDetail()).contains("attempt failed");
    // Cockpit's view (the engine's REST API): the Secretariat and Haiti's co-leads would see
    // the incident, nobody else's roles.
    String incidents = "/engine-rest/incident?processInstanceId=" + delivery.getId();
    Assertions.assertThat(http.get(incidents, "secretariat").body()).contains("failedJob");
    Assertions.assertThat(http.get(incidents, "lb.unicef").body()).isEqualTo("[]");
    Assertions.assertThat(http.get(incidents, "partner.lb").statusCode()).isEqualTo(403);

    // The server is back: the other donor's delivery goes out while the first is an incident.
    smtp = new com.icegreen.greenmail.util.GreenMail(SMTP);
    smtp.start();
    management.executeJob(otherJob);
    Assertions.assertThat(smtp.getReceivedMessages()).hasSize(1);
    Assertions.assertThat(messagesTo(failing.email())).isEmpty();
    assertThat(delivery).isNotEnded();

    // "Retry" in Cockpit: the failing donor gets it, once; nobody gets a second copy.
    management.setJobRetries(failingJob, 1);
    management.executeJob(failingJob);
    Assertions.assertThat(messagesTo(first.email())).hasSize(1);
    Assertions.assertThat(messagesTo(second.email())).hasSize(1);
    assertThat(delivery).isEnded();
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(delivery.getId()).count()).isZero();
    Assertions.assertThat(ledger.find(failing.id()).orElseThrow().status())
        .isEqualTo(Delivery.Status.SENT);
    Assertions.assertThat(ledger.find(failing.id()).orElseThrow().attempts()).isEqualTo(6);
  }

  @Test
  void aRepeatedStepOrARestartedDeliveryDoesNotEmailADonorAgain() throws Exception {
    Donor donor = donor("Steady Donor", "en", List.of("ET"), List.of());
    String appealId = appealWithDocument("ET");
    ProcessInstance first = startDelivery(appealId, "ET", "FLASH_APPEAL", 1);
    executeJobs(first);
    executeJobs(first);
    assertThat(first).isEnded();
    Assertions.assertThat(messagesTo(donor.email())).hasSize(1);

    // The step's work runs again (a job re-executed after its transaction was lost)...
    Assertions.assertThat(appealDelivery.deliver(appealId, 1, donor.id(), null)).isFalse();
    // ...and the whole delivery is started again for the same version.
    ProcessInstance again = startDelivery(appealId, "ET", "FLASH_APPEAL", 1);
    executeJobs(again);
    executeJobs(again);
    assertThat(again).isEnded().hasPassed("Task_SendToDonor");
    Assertions.assertThat(messagesTo(donor.email())).hasSize(1);
    Assertions.assertThat(ledger.deliveriesOf(appealId, 1)).hasSize(1);

    // A new version is new news: one more e-mail, even when two nodes run the step at once.
    storeVersion(appealId, "ET");
    ProcessInstance second = startDelivery(appealId, "ET", "FLASH_APPEAL", 2);
    executeJobs(second);
    var start = new CountDownLatch(1);
    Callable<Boolean> node = () -> {
      start.await();
      return appealDelivery.deliver(appealId, 2, donor.id(), null);
    };
    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> results = List.of(pool.submit(node), pool.submit(node));
      start.countDown();
      int sent = 0;
      for (Future<Boolean> result : results) {
        sent += result.get() ? 1 : 0;
      }
      Assertions.assertThat(sent).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    executeJobs(second); // the process's own job now finds it sent
    assertThat(second).isEnded();
    List<MimeMessage> received = messagesTo(donor.email());
    Assertions.assertThat(received).hasSize(2);
    Assertions.assertThat(received.get(1).getSubject()).contains("(version 2)");
    Assertions.assertThat(received.get(0).getMessageID())
        .isNotEqualTo(received.get(1).getMessageID());
  }

  @Test
  void theLinkInTheEmailDownloadsThePdfWithoutLoginUntilItExpires() throws Exception {
    Donor donor = donor("Linked Donor", "en", List.of("AF"), List.of());
    String appealId = appealWithDocument("AF");
    ProcessInstance delivery = startDelivery(appealId, "AF", "FLASH_APPEAL", 1);
    executeJobs(delivery);
    executeJobs(delivery);
    var matcher = LINK.matcher(text(messagesTo(donor.email()).get(0)));
    Assertions.assertThat(matcher.find()).isTrue();
    String path = matcher.group(1);
    Assertions.assertThat(path.substring(path.lastIndexOf('/') + 1).length())
        .isGreaterThanOrEqualTo(43); // 256 random bits, base64url

    var download = http.getBytes(path, null); // no credentials at all
    Assertions.assertThat(download.statusCode()).isEqualTo(200);
    Assertions.assertThat(download.headers().firstValue("Content-Type")).hasValue(
        "application/pdf");
    Assertions.assertThat(download.body())
        .isEqualTo(documents.rendering(appealId, "appeal", 1, null).orElseThrow().content());
    String deliveryId = ledger.find(appealId, 1, donor.id()).orElseThrow().id();
    Assertions.assertThat(jdbc.sql("select count(*) from eie_donor_download where delivery_id = ?")
        .param(deliveryId).query(Integer.class).single()).isEqualTo(1);

    var unknown = http.get("/api/donor-downloads/" + "A".repeat(43), null);
    Assertions.assertThat(unknown.statusCode()).isEqualTo(404);
    Assertions.assertThat(unknown.body()).doesNotContain(appealId).doesNotContain("AF");

    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(31))));
    var expired = http.get(path, null);
    Assertions.assertThat(expired.statusCode()).isEqualTo(410);
    Assertions.assertThat(expired.body()).doesNotContain(appealId).doesNotContain("Linked");
    Assertions.assertThat(jdbc.sql("select count(*) from eie_donor_download where delivery_id = ?")
        .param(deliveryId).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aCrashAfterTheServerAcceptedLeavesTheRepeatOnRecord() throws Exception {
    Donor donor = donor("Crash Donor", "en", List.of("MZ"), List.of());
    String appealId = appealWithDocument("MZ");
    ProcessInstance delivery = startDelivery(appealId, "MZ", "FLASH_APPEAL", 1);
    executeJobs(delivery);
    Delivery row = ledger.find(appealId, 1, donor.id()).orElseThrow();

    // The node dies right after the SMTP server accepted the message: SENT is never committed
    // (an Error, like a dying JVM, records nothing on its way out).
    Ledger<Delivery> diesOnceAccepted = new Ledger<>() {
      @Override
      public String from() {
        return ledger.from();
      }

      @Override
      public Optional<Delivery> lockUnsent(String id) {
        return ledger.lockUnsent(id);
      }

      @Override
      public String messageId(Delivery locked) {
        return ledger.messageId(locked);
      }

      @Override
      public String attemptBegins(Delivery locked) {
        return ledger.attemptBegins(locked);
      }

      @Override
      public void sent(Delivery locked, Letter letter) {
        throw new NodeDied();
      }

      @Override
      public void failed(String id, String attemptId, String reason) {
        ledger.failed(id, attemptId, reason);
      }
    };
    Assertions.assertThatThrownBy(() -> mailSender.sendOnce(diesOnceAccepted, row.id(),
        locked -> Optional.of(new Letter(locked.email(), "Education Cluster appeal (cut short)",
            "first copy", Locale.ENGLISH)))).isInstanceOf(NodeDied.class);
    Assertions.assertThat(ledger.find(row.id()).orElseThrow().sent()).isFalse();

    // The job runs again (the engine's retry after the crash): a second copy, on record.
    double sentBefore = io.micrometer.core.instrument.Metrics.counter(
        DeliveryLedger.SENT_METRIC).count();
    executeJobs(delivery);
    assertThat(delivery).isEnded();
    Assertions.assertThat(messagesTo(donor.email())).hasSize(2);
    Delivery repeated = ledger.find(row.id()).orElseThrow();
    Assertions.assertThat(repeated.status()).isEqualTo(Delivery.Status.SENT);
    Assertions.assertThat(repeated.attempts()).isEqualTo(2);
    Assertions.assertThat(repeated.interruptedAttempts()).isEqualTo(1);
    Assertions.assertThat(repeated.statusDetail()).contains("more than once");
    Assertions.assertThat(ledger.attemptsOf(row.id())).extracting(DeliveryLedger.Attempt::outcome)
        .containsExactly("INTERRUPTED", "ACCEPTED");
    Assertions.assertThat(io.micrometer.core.instrument.Metrics.counter(
        DeliveryLedger.SENT_METRIC).count()).isEqualTo(sentBefore + 1);
    JsonNode shown = JSON.readTree(http.get("/api/donor-deliveries?appealId=" + appealId,
        "secretariat").body()).get(0);
    Assertions.assertThat(shown.get("attempts").asInt()).isEqualTo(2);
    Assertions.assertThat(shown.get("interruptedAttempts").asInt()).isEqualTo(1);
  }

  @Test
  void whenTheMailServerReturnsWaitingDeliveriesGoOutAtOnceAndTheOutageShowsMeanwhile()
      throws Exception {
    Donor donor = donor("Patient Donor", "en", List.of("BF"), List.of());
    String appealId = appealWithDocument("BF");
    ProcessInstance delivery = startDelivery(appealId, "BF", "FLASH_APPEAL", 1);
    executeJobs(delivery);
    String sendJob = management.createJobQuery().processInstanceId(delivery.getId())
        .singleResult().getId();

    smtp.stop(); // the outage
    for (int attempt = 0; attempt < 2; attempt++) {
      Assertions.assertThatThrownBy(() -> management.executeJob(sendJob))
          .hasMessageContaining("Mail server connection failed");
    }
    // The next back-off step is five minutes away.
    Assertions.assertThat(management.createJobQuery().jobId(sendJob).singleResult().getDuedate())
        .isAfter(Date.from(new Date().toInstant().plus(Duration.ofMinutes(4))));

    Assertions.assertThat(watch.check().smtp()).isEqualTo("unreachable");
    // Cockpit: an incident on the waiting delivery, for the Secretariat to see.
    String incidents = "/engine-rest/incident?processInstanceId=" + delivery.getId();
    Assertions.assertThat(http.get(incidents, "secretariat").body())
        .contains(MailServerWatch.INCIDENT_TYPE).contains("Mail server unreachable since");
    Assertions.assertThat(http.get(incidents, "co.unicef").body()).isEqualTo("[]");
    // Health: administrators read why, everyone else only that the application is up.
    JsonNode health = JSON.readTree(http.get("/actuator/health", "admin").body());
    Assertions.assertThat(health.at("/components/donorMailServer/details/smtp").asText())
        .isEqualTo("unreachable");
    Assertions.assertThat(health.get("status").asText()).isEqualTo("UP");
    Assertions.assertThat(http.get("/actuator/health", null).body())
        .doesNotContain("donorMailServer");
    // A second check during the same outage adds no second incident.
    watch.check();
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(delivery.getId()).count()).isEqualTo(1);

    // The server is back: the next check makes the delivery due now and clears the incident.
    smtp = new com.icegreen.greenmail.util.GreenMail(SMTP);
    smtp.start();
    Assertions.assertThat(watch.check().smtp()).isEqualTo("reachable");
    Assertions.assertThat(management.createJobQuery().jobId(sendJob).singleResult().getDuedate())
        .isBeforeOrEqualTo(new Date());
    Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(delivery.getId()).count()).isZero();
    management.executeJob(sendJob);
    assertThat(delivery).isEnded();
    Assertions.assertThat(messagesTo(donor.email())).hasSize(1);
    Assertions.assertThat(ledger.find(appealId, 1, donor.id()).orElseThrow().attempts())
        .isEqualTo(3);
  }

  /**
   * A delivery the appeal called: the engine keeps a copy of the delivery's outage incident on the
   * appeal. When the server is back, the check resolves the outage once (its copy goes with it)
   * and says "reachable"; it used to resolve the copy too, fail on it ("incident is null"), and
   * leave the health details saying "unreachable".
   */
  @Test
  void theMailServerCheckRecoversWhenTheOutageIsAlsoOnTheCallingAppeal() throws Exception {
    Donor donor = donor("Called Donor", "en", List.of("UA"), List.of());
    ProcessInstance appeal = runtime.startProcessInstanceByKey("appealPublicationStandIn",
        Map.of("country", "UA", "appealType", "FLASH_APPEAL"));
    executeJobs(appeal); // the document, then the call of the delivery
    ProcessInstance delivery = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(appeal.getId()).singleResult();
    executeJobs(delivery);
    String sendJob = management.createJobQuery().processInstanceId(delivery.getId())
        .singleResult().getId();

    smtp.stop();
    for (int attempt = 0; attempt < 2; attempt++) {
      Assertions.assertThatThrownBy(() -> management.executeJob(sendJob))
          .hasMessageContaining("Mail server connection failed");
    }
    Assertions.assertThat(watch.check().smtp()).isEqualTo("unreachable");
    var outage = runtime.createIncidentQuery().incidentType(MailServerWatch.INCIDENT_TYPE);
    Assertions.assertThat(outage.processInstanceId(delivery.getId()).count()).isEqualTo(1);
    Assertions.assertThat(runtime.createIncidentQuery().incidentType(MailServerWatch.INCIDENT_TYPE)
        .processInstanceId(appeal.getId()).count()).isEqualTo(1);

    smtp = new com.icegreen.greenmail.util.GreenMail(SMTP);
    smtp.start();
    Assertions.assertThat(watch.check().smtp()).isEqualTo("reachable");
    JsonNode health = JSON.readTree(http.get("/actuator/health", "admin").body());
    Assertions.assertThat(health.at("/components/donorMailServer/details/smtp").asText())
        .isEqualTo("reachable");
    Assertions.assertThat(runtime.createIncidentQuery()
        .incidentType(MailServerWatch.INCIDENT_TYPE).count()).isZero();
    management.executeJob(sendJob);
    Assertions.assertThat(messagesTo(donor.email())).hasSize(1);
  }

  /** Stands for the JVM dying: not a RuntimeException, so no failed attempt is recorded. */
  private static final class NodeDied extends Error {
  }

  private long sendJobs(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_SendToDonor").count();
  }
}
