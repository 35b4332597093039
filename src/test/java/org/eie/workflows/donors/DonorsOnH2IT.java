package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.eie.workflows.EieWorkflowsApplication;
import org.eie.workflows.Processes;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.DocumentStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The embedded default as a newcomer runs it: H2 (our migration runs there too) and no mail
 * server configured. Deliveries wait as "not sent: no mail server configured"; once a server is
 * configured the next re-check sends them, through the same row-locking SQL as on PostgreSQL.
 * A JVM of its own (Failsafe), like the other application start-up checks.
 */
@SpringBootTest(classes = EieWorkflowsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:eie-donors-on-h2;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=donorsh2",
        "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class DonorsOnH2IT {

  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  DonorRegistry registry;
  @Autowired
  DeliveryLedger ledger;
  @Autowired
  DocumentStore documents;
  @Autowired
  DocumentRenderer renderer;
  @Autowired
  MailProperties mail;

  @Test
  void withoutMailServerDeliveriesWaitThenGoOutOnceOneIsConfigured() {
    assertThat(mail.getHost()).as("the embedded default names no mail server").isNull();
    Donor donor = registry.register(new DonorInput("Embedded Donor", "Contact", "h2@example.org",
        "fr", List.of("LB"), List.of()));
    String appealId = "h2-appeal";
    documents.store(appealId, "appeal", "LB", "fr", "appeal.pdf", renderer.render(new DocumentRequest(
        "sample/sample", Locale.FRENCH, Map.of("country", "LB", "partner", "P", "rows", List.of(1)),
        "Appel", "", "")));
    var instance = runtime.startProcessInstanceByKey(Processes.APPEAL_DONOR_DELIVERY, Map.of(
        "appealId", appealId, "country", "LB", "appealType", "FLASH_APPEAL",
        "documentVersion", 1));
    runJobs(instance.getId());

    Delivery waiting = ledger.find(appealId, 1, donor.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(Delivery.Status.WAITING_FOR_MAIL_SERVER);
    assertThat(waiting.statusDetail()).isEqualTo("not sent: no mail server configured");
    assertThat(runtime.getVariable(instance.getId(), "deliveryStatus"))
        .isEqualTo("not sent: no mail server configured");

    var smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
    mail.setHost("127.0.0.1");
    mail.setPort(TestSmtp.PORT);
    try {
      runJobs(instance.getId()); // the re-check finds the server
      runJobs(instance.getId()); // the donor's delivery
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(ledger.find(appealId, 1, donor.id()).orElseThrow().status())
          .isEqualTo(Delivery.Status.SENT);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
          .isZero();
    } finally {
      mail.setHost(null);
      smtp.stop();
    }
  }

  private void runJobs(String processInstanceId) {
    management.createJobQuery().processInstanceId(processInstanceId).list()
        .forEach(job -> management.executeJob(job.getId()));
  }
}
