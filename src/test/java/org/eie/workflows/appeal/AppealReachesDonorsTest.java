package org.eie.workflows.appeal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.donors.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole chain a donor sees: an appeal signed off by both co-leads is published and reaches
 * each donor subscribed to its country, once, with the PDF attached (printing the funds donors
 * have committed) and a download link that works without an account; a donor subscribed
 * elsewhere gets nothing. Real SMTP (GreenMail on the
 * port application-test.yml names).
 */
class AppealReachesDonorsTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK =
      Pattern.compile("http://localhost:8080(/api/donor-downloads/[A-Za-z0-9_-]+)");

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;
  @LocalServerPort
  int port;

  AppealScenario scenario;
  GreenMail smtp;
  Http http;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    scenario = new AppealScenario(engine);
    http = new Http(port);
    jdbc.sql("update eie_donor set active = false").update();
    smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
    jdbc.sql("update eie_donor set active = false").update();
    scenario.asSystem();
    ClockUtil.reset();
  }

  @Test
  void publishedAppealReachesEachSubscribedDonorOnceWithThePdfAndAWorkingLink()
      throws IOException, MessagingException {
    Donor lebanonDonor = register("LB");
    Donor colombiaDonor = register("CO");

    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Norwegian Refugee Council", "Back to learning in Beirut", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    // A donor has already committed funds: the published version says how much is covered.
    var pledge = http.post("/api/pledges", "lb.unicef", """
        {"donorId": "%s", "appealId": "%s", "amountUsd": 100000, "date": "2026-11-20",
         "status": "COMMITTED"}""".formatted(lebanonDonor.id(), appeal.getId()));
    Assertions.assertThat(pledge.statusCode()).as(pledge.body()).isEqualTo(201);
    scenario.runJob(appeal, "Task_GenerateAppealDocument");
    scenario.runDonorDelivery(appeal);

    assertThat(appeal).hasPassed("Task_DistributeToDonors", "Event_AppealPublished")
        .isWaitingAt("Gateway_RevisionWindow");
    MimeMessage[] received = smtp.getReceivedMessages();
    Assertions.assertThat(received).hasSize(1);
    Assertions.assertThat(Arrays.stream(received[0].getAllRecipients())
        .map(address -> ((InternetAddress) address).getAddress()))
        .containsExactly(lebanonDonor.email()).doesNotContain(colombiaDonor.email());
    byte[] attached = Mails.pdfAttachments(received[0]).get(0);
    try (var pdf = Loader.loadPDF(attached)) {
      Assertions.assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
          .contains("Lebanon", "400,000", "Funding received", "100,000", "25%");
    }

    var link = LINK.matcher(Mails.text(received[0]));
    Assertions.assertThat(link.find()).isTrue();
    var download = http.getBytes(link.group(1), null);
    Assertions.assertThat(download.statusCode()).isEqualTo(200);
    Assertions.assertThat(download.body()).isEqualTo(attached);
  }

  @Test
  void eachDonorReceivesTheAppealInTheirOwnLanguage() throws IOException, MessagingException {
    Donor arabic = register("LB", "ar");
    Donor spanish = register("LB", "es");

    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Norwegian Refugee Council", "Back to learning in Beirut", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.runJob(appeal, "Task_GenerateAppealDocument");
    scenario.runDonorDelivery(appeal);

    MimeMessage[] received = smtp.getReceivedMessages();
    Assertions.assertThat(received).hasSize(2);
    for (MimeMessage message : received) {
      String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      byte[] attached = Mails.pdfAttachments(message).get(0);
      try (var pdf = Loader.loadPDF(attached)) {
        String language = pdf.getDocumentCatalog().getLanguage();
        String text = new PDFTextStripper().getText(pdf);
        if (to.equals(arabic.email())) {
          Assertions.assertThat(language).isEqualTo("ar");
          Assertions.assertThat(text).contains("الأرقام الرئيسية");
          Assertions.assertThat(message.getSubject()).contains("نداء مجموعة التعليم");
        } else {
          Assertions.assertThat(to).isEqualTo(spanish.email());
          Assertions.assertThat(language).isEqualTo("es");
          Assertions.assertThat(text).contains("Cifras clave");
          Assertions.assertThat(message.getSubject()).contains("Llamamiento del Clúster");
        }
      }
    }
  }

  @Test
  void aRevisedAppealReachesEachDonorOnceMoreWithWhatChanged()
      throws IOException, MessagingException {
    Donor english = register("LB");
    Donor french = register("LB", "fr");

    ProcessInstance appeal = publishedWithTwoProjects();
    Assertions.assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(appeal).hasPassed("Event_AppealPublished").isWaitingAt("Gateway_RevisionWindow");

    // About 30 days after publication (a Flash Appeal) the co-leads are asked to revise it.
    java.time.Instant published = ClockUtil.getCurrentTime().toInstant();
    Assertions.assertThat(scenario.job(appeal, "Event_RevisionDue").getDuedate())
        .isEqualTo(java.util.Date.from(published.plus(java.time.Duration.ofDays(30))));
    AppealScenario.clock(published.plus(java.time.Duration.ofDays(30)));
    scenario.runJob(appeal, "Event_RevisionDue");
    assertThat(appeal).isWaitingAt("Task_ReviseAppeal");
    assertThat(scenario.task(appeal, "Task_ReviseAppeal")).hasCandidateGroup("coleads-LB");
    reviseWithANewProject(appeal);

    assertThat(appeal).isWaitingAt("Gateway_RevisionWindow");
    Assertions.assertThat(scenario.variable(appeal, "documentVersion")).isEqualTo(2);
    MimeMessage[] received = smtp.getReceivedMessages();
    Assertions.assertThat(received).hasSize(4);
    Map<String, Integer> copies = new java.util.TreeMap<>();
    MimeMessage englishRevision = null;
    MimeMessage frenchRevision = null;
    for (MimeMessage message : received) {
      String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      int version = message.getSubject().matches(".*\\D2\\)$") ? 2 : 1;
      copies.merge(to + " v" + version, 1, Integer::sum);
      if (version == 2) {
        if (to.equals(english.email())) {
          englishRevision = message;
        } else {
          frenchRevision = message;
        }
      }
    }
    Assertions.assertThat(copies).containsOnly(Map.entry(english.email() + " v1", 1),
        Map.entry(english.email() + " v2", 1), Map.entry(french.email() + " v1", 1),
        Map.entry(french.email() + " v2", 1));
    Assertions.assertThat(Mails.text(englishRevision).replaceAll("\\s+", " ")).contains(
        "This version replaces version 1.",
        "Requirements: US$ 500,000 (version 1: US$ 700,000)",
        "Partner projects: 1 added, 1 with a new budget, 1 withdrawn",
        "What changed since version 1");
    Assertions.assertThat(Mails.text(frenchRevision)).contains(
        "Cette version remplace la version 1", "1 ajoutés, 1 au budget modifié, 1 retirés");
    try (var pdf = Loader.loadPDF(Mails.pdfAttachments(englishRevision).get(0))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      Assertions.assertThat(text).contains("What changed since version 1",
          "The joint assessment found 10,000 more girls out of school.",
          "Requirements (US$) 700,000 500,000 -200,000",
          "People in need 115,000 125,000 +10,000",
          "Projects added Project Partner Budget (US$) LB-EDU-003 Teachers back to class",
          "150,000",
          "LB-EDU-002 Back to learning in Beirut", "400,000 350,000",
          "Projects withdrawn Project Partner Budget (US$) LB-EDU-001 Learning spaces in Bourj Hammoud");
    }
    try (var pdf = Loader.loadPDF(Mails.pdfAttachments(frenchRevision).get(0))) {
      Assertions.assertThat(new PDFTextStripper().getText(pdf))
          .contains("Ce qui a changé depuis la version 1");
    }

    // The co-leads close it: no further revision, recorded with who and why.
    var closed = http.post("/api/appeals/" + appeal.getId() + "/closure", "lb.savethechildren",
        "{\"reason\": \"The HRP takes over from here\"}");
    Assertions.assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(appeal).isEnded().hasPassed("Event_AppealClosed");
    Assertions.assertThat(received).hasSize(4);
  }

  /**
   * Issue 23, finding 1: donors in other languages subscribe after version 1 was published. Each
   * gets the current version at once, then every later version, once each and in their own
   * language; the revisions publish without an incident; every language of every version
   * passes veraPDF and can be read through the API by whoever may read the appeal.
   */
  @Test
  void donorsSubscribingAfterPublicationGetTheCurrentVersionAndEveryLaterOneInTheirLanguage()
      throws IOException, MessagingException {
    Map<String, String> languageOf = new java.util.TreeMap<>();
    for (String language : java.util.List.of("en", "fr")) {
      languageOf.put(register("LB", language).email(), language);
    }
    ProcessInstance appeal = publishedWithTwoProjects();

    for (String language : java.util.List.of("ar", "es", "pt")) {
      languageOf.put(register("LB", language).email(), language);
    }
    runEveryDeliveryOf(appeal);

    java.time.Instant published = ClockUtil.getCurrentTime().toInstant();
    AppealScenario.clock(published.plus(java.time.Duration.ofDays(30)));
    scenario.runJob(appeal, "Event_RevisionDue");
    reviseWithANewProject(appeal);
    runEveryDeliveryOf(appeal);
    Assertions.assertThat(scenario.variable(appeal, "documentVersion")).isEqualTo(2);

    AppealScenario.clock(ClockUtil.getCurrentTime().toInstant()
        .plus(java.time.Duration.ofDays(30)));
    scenario.runJob(appeal, "Event_RevisionDue");
    scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal", AppealScenario.revision(
        "Funding for teachers was confirmed.", 12000, "LB-EDU-003 = 120000", "", 5));
    scenario.closeRevisionCall(appeal, java.time.Duration.ofDays(5));
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    runEveryDeliveryOf(appeal);

    assertThat(appeal).isWaitingAt("Gateway_RevisionWindow");
    Assertions.assertThat(scenario.variable(appeal, "documentVersion")).isEqualTo(3);
    scenario.asSystem();
    var runtime = engine.getRuntimeService();
    var appealAndItsDeliveries = new java.util.HashSet<>(java.util.Set.of(appeal.getId()));
    runtime.createProcessInstanceQuery().processDefinitionKey("appealDonorDelivery")
        .variableValueEquals("appealId", appeal.getId()).list()
        .forEach(delivery -> appealAndItsDeliveries.add(delivery.getId()));
    Assertions.assertThat(runtime.createIncidentQuery().list()).as("incidents")
        .filteredOn(incident -> appealAndItsDeliveries.contains(incident.getProcessInstanceId()))
        .isEmpty();

    Map<String, Integer> copies = new java.util.TreeMap<>();
    java.util.List<String> failures = new java.util.ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      int version = jdbc.sql("select document_version from eie_donor_delivery"
          + " where message_id = ?").param(message.getMessageID()).query(Integer.class).single();
      copies.merge(to + " v" + version, 1, Integer::sum);
      byte[] attached = Mails.pdfAttachments(message).get(0);
      try (var pdf = Loader.loadPDF(attached)) {
        Assertions.assertThat(pdf.getDocumentCatalog().getLanguage()).as(to + " v" + version)
            .isEqualTo(languageOf.get(to));
      }
      if (version > 1) {
        org.eie.workflows.documents.PdfStandards.failures(attached)
            .forEach(failure -> failures.add(languageOf.get(to) + " v" + version + ": " + failure));
      }
    }
    Map<String, Integer> once = new java.util.TreeMap<>();
    languageOf.keySet().forEach(to -> java.util.stream.IntStream.rangeClosed(1, 3)
        .forEach(version -> once.put(to + " v" + version, 1)));
    Assertions.assertThat(copies).isEqualTo(once);
    Assertions.assertThat(failures).isEmpty();

    // Any language of any version, for those who may read the appeal (the engine decides).
    var portugueseV1 = http.getBytes("/api/appeals/" + appeal.getId() + "/documents/1?lang=pt",
        "lb.savethechildren");
    Assertions.assertThat(portugueseV1.statusCode()).isEqualTo(200);
    try (var pdf = Loader.loadPDF(portugueseV1.body())) {
      Assertions.assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("pt");
    }
    var arabicCurrent = http.getBytes("/api/appeals/" + appeal.getId() + "/document?lang=ar",
        "lb.unicef");
    Assertions.assertThat(arabicCurrent.statusCode()).isEqualTo(200);
    Assertions.assertThat(arabicCurrent.headers().firstValue("X-Document-Version"))
        .contains("3");
    try (var pdf = Loader.loadPDF(arabicCurrent.body())) {
      Assertions.assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ar");
    }
    Assertions.assertThat(http.getBytes("/api/appeals/" + appeal.getId()
        + "/documents/2?lang=fr", "co.unicef").statusCode()).isEqualTo(404);
    Assertions.assertThat(http.getBytes("/api/appeals/" + appeal.getId()
        + "/document?lang=es", "co.unicef").statusCode()).isEqualTo(404);
    Assertions.assertThat(http.get("/api/appeals/" + appeal.getId() + "/document?lang=xx",
        "lb.unicef").statusCode()).isEqualTo(400);
  }

  /** Version 1 with two partner projects, published to the donors subscribed now. */
  private ProcessInstance publishedWithTwoProjects() {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Learning spaces in Bourj Hammoud", "Beirut", Map.of(
            "budgetTemporaryLearningSpaces", 250000.0, "budgetPsychosocialSupport", 50000.0)));
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Norwegian Refugee Council", "Back to learning in Beirut", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    return appeal;
  }

  /**
   * "Revise the appeal" after the JENA (one project withdrawn, one with a new budget), a new call
   * with one new project, its vetting, consolidation, both sign-offs again, and publication.
   */
  private void reviseWithANewProject(ProcessInstance appeal) {
    scenario.submit("lb.unicef", appeal, "Task_ReviseAppeal", AppealScenario.revision(
        "The joint assessment found 10,000 more girls out of school.", 10000,
        "LB-EDU-002 = 350000", "LB-EDU-001", 5));
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Teachers back to class", "Beirut", Map.of("budgetTemporaryLearningSpaces", 150000.0)));
    scenario.closeRevisionCall(appeal, java.time.Duration.ofDays(5));
    Assertions.assertThat(scenario.tasks(appeal, "Task_VetProject")).hasSize(1);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
  }

  /**
   * Runs every donor delivery of the appeal, as the job executor would: those its publications
   * started and those a new subscription started.
   */
  private void runEveryDeliveryOf(ProcessInstance appeal) {
    scenario.asSystem();
    var management = engine.getManagementService();
    for (int round = 0; round < 20; round++) {
      var instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("appealDonorDelivery")
          .variableValueEquals("appealId", appeal.getId()).list();
      var jobs = instances.stream().flatMap(instance -> management.createJobQuery()
          .processInstanceId(instance.getId()).executable().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("The donor deliveries of " + appeal.getId() + " did not finish");
  }

  record Donor(String id, String email) {
  }

  private Donor register(String country) {
    return register(country, "en");
  }

  private Donor register(String country, String language) {
    String email = "donor-" + country.toLowerCase() + "-" + UUID.randomUUID().toString()
        .substring(0, 8) + "@donors.example.org";
    var created = http.post("/api/donors", "secretariat", """
        {"organisation": "Donor of %s", "contactName": "Grants officer", "email": "%s",
         "language": "%s", "countries": ["%s"], "appealTypes": []}
        """.formatted(country, email, language, country));
    Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try {
      return new Donor(JSON.readTree(created.body()).get("id").asText(), email.toLowerCase());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
