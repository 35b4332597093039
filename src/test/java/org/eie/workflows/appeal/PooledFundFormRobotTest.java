package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.donors.Mails;
import org.eie.workflows.partners.PartnerOrganisationType;
import org.eie.workflows.partners.PartnerRegistry;
import org.eie.workflows.partners.RegisteredPartners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pooled funds' appeals from trigger to the donor's inbox with nothing but HTTP, as the people
 * who do each step would in Tasklist: every human task is opened by its user, its deployed form
 * read, and only that form's fields sent (every required one filled) through the engine's
 * submit-form. The published PDF is downloadable and reaches a donor registered for the country
 * with the appeal type's own section.
 */
class PooledFundFormRobotTest extends AppealHttpTest {

  @Autowired
  PartnerRegistry registry;
  @Autowired
  JdbcClient jdbc;

  GreenMail smtp;

  @BeforeEach
  void setUpPartnersAndMail() {
    scenario.asSystem();
    RegisteredPartners.withUser(registry, engine.getIdentityService(), "LB",
        "Office of the UN High Commissioner for Refugees", "UNHCR",
        PartnerOrganisationType.UN_AGENCY, "lb.unhcr.partner");
    RegisteredPartners.withUser(registry, engine.getIdentityService(), "LB",
        "World Food Programme", "WFP", PartnerOrganisationType.UN_AGENCY, "lb.wfp.partner");
    jdbc.sql("update eie_donor set active = false").update();
    smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
  }

  @AfterEach
  void stopMail() {
    smtp.stop();
    jdbc.sql("update eie_donor set active = false").update();
  }

  @Test
  void aCerfPackageOfTwoUnAgenciesGoesFromTriggerToTheDonorThroughTasklistsForms()
      throws IOException, MessagingException {
    String donor = registerDonor("LB");
    String id = start(AppealType.CERF_RAPID_RESPONSE);

    fill("lb.wfp.partner", id, "Task_SubmitProject", project(
        "School meals in learning spaces", 4, 300000, "Caritas Lebanon"));
    fill("lb.unhcr.partner", id, "Task_SubmitProject", project(
        "Learning spaces for displaced children", 6, 300000,
        "Lebanese Education Association\nNorwegian Refugee Council"));
    String text = vetSignEndorseAndPublish(id, 2, donor);

    assertThat(text).contains("CERF rapid response package",
        "Applicant agencies and their implementing partners",
        "Office of the UN High Commissioner for Refugees UNHCR",
        "Lebanese Education Association Norwegian Refugee Council 6 months 300,000",
        "World Food Programme WFP", "Caritas Lebanon 4 months 300,000");
    everyHumanTaskWasCompletedByItsUser(id, "lb.unhcr.partner", "lb.wfp.partner");
  }

  @Test
  void anEcwProposalOfTwoGranteesForTwelveMonthsGoesFromTriggerToTheDonorThroughTasklistsForms()
      throws IOException, MessagingException {
    String donor = registerDonor("LB");
    String id = start(AppealType.ECW_FIRST_EMERGENCY_RESPONSE);

    // The form has no implementing partners for ECW: the robot sends none.
    fill("partner.lb", id, "Task_SubmitProject", project(
        "Learning spaces for a school year", 12, 250000, null));
    fill("partner2.lb", id, "Task_SubmitProject", project(
        "Back to learning in Beirut", 12, 400000, null));
    String text = vetSignEndorseAndPublish(id, 2, donor);

    assertThat(text).contains("ECW First Emergency Response: inter-agency proposal",
        "Every grant runs at most 12 months", "Grantee organisations",
        "Lebanese Education Association LEA", "12 months 250,000",
        "Norwegian Refugee Council NRC", "12 months 400,000");
    assertThat(text).doesNotContain("Implementing partners");
    everyHumanTaskWasCompletedByItsUser(id, "partner.lb", "partner2.lb");
  }

  /** Triggered through the API by a co-lead; activation, assessment and plan through the forms. */
  private String start(AppealType type) throws IOException {
    ObjectNode trigger = triggerBody();
    trigger.put("appealType", type.name());
    var started = http.post("/api/appeals", "lb.unicef", trigger.toString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = json.readTree(started.body()).get("id").asText();

    fill("lb.unicef", id, "Task_ConfirmActivation", Map.of("activated", "true",
        "activationReason", "The HC asked for a " + type.name() + " appeal",
        "appealLead", "UNICEF"));
    fill("lb.savethechildren", id, "Task_RapidNeedsAssessment", assessmentValues());
    Map<String, Object> plan = planValues(new Json("[\"TEMPORARY_LEARNING_SPACES\"]"));
    plan.put("indicatorTemporaryLearningSpaces", "Children attending temporary learning spaces");
    plan.put("activityTargetTemporaryLearningSpaces", 12000);
    plan.put("requirementTemporaryLearningSpaces", 2400000);
    fill("lb.unicef", id, "Task_DraftResponsePlan", plan);
    return id;
  }

  /**
   * The call closes; the co-leads vet every project, sign off, the HC's office endorses; the
   * document is generated and delivered. Returns the text of the PDF the donor received, after
   * checking it is the one the co-leads download.
   */
  private String vetSignEndorseAndPublish(String id, int projects, String donor)
      throws IOException, MessagingException {
    AppealScenario.clock(AppealScenario.SUBMISSION_DEADLINE.plus(Duration.ofMinutes(1)));
    runJob(id, "Event_SubmissionClosed");
    List<String> vetting = taskIds("lb.savethechildren", id, "Task_VetProject");
    assertThat(vetting).hasSize(projects);
    for (String task : vetting) {
      fillTask("lb.savethechildren", task, Map.of("strategicRelevance", 5,
          "programmaticRelevance", 4, "costEffectiveness", 4, "managementAndMonitoring", 4,
          "accountability", 4, "vettingDecision", "ACCEPT", "vettingComment", "Fits the fund"));
    }
    fill("lb.unicef", id, "Task_SignOffUnicef", Map.of("signOffDecision", "APPROVE",
        "signOffComment", "For UNICEF"));
    fill("lb.savethechildren", id, "Task_SignOffSaveTheChildren",
        Map.of("signOffDecision", "APPROVE"));
    fill("lb.hc", id, "Task_EndorseAppeal", Map.of("endorsementDecision", "ENDORSE"));
    runJob(id, "Task_GenerateAppealDocument");
    scenario.asSystem();
    ProcessInstance appeal = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(id).singleResult();
    scenario.runDonorDelivery(appeal);
    BpmnAwareTests.assertThat(appeal).hasPassed("Task_DistributeToDonors",
        "Event_AppealPublished").isWaitingAt("Gateway_RevisionWindow");

    var pdf = http.getBytes("/api/appeals/" + id + "/document", "lb.savethechildren");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");

    List<MimeMessage> toDonor = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(donor)) {
        toDonor.add(message);
      }
    }
    assertThat(toDonor).hasSize(1);
    byte[] attached = Mails.pdfAttachments(toDonor.get(0)).get(0);
    assertThat(attached).isEqualTo(pdf.body());
    try (var document = Loader.loadPDF(attached)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** "Submit a partner project" as the project form has it for the appeal's type. */
  private static Map<String, Object> project(String title, int months, int budget,
      String implementingPartners) {
    Map<String, Object> form = new LinkedHashMap<>(Map.of("projectTitle", title,
        "locations", "Beirut", "budgetTemporaryLearningSpaces", budget, "girls", 1200,
        "boys", 1100, "femaleTeachers", 40, "maleTeachers", 20, "withDisabilities", 150,
        "durationMonths", months));
    if (implementingPartners != null) {
      form.put("implementingPartners", implementingPartners);
    }
    return form;
  }

  /** The user's one open task of that key in the appeal (or its partners' sub-processes). */
  private void fill(String user, String appealId, String taskKey, Map<String, Object> values)
      throws IOException {
    List<String> tasks = taskIds(user, appealId, taskKey);
    assertThat(tasks).as(taskKey + " open to " + user).hasSize(1);
    fillTask(user, tasks.get(0), values);
  }

  /**
   * As Tasklist: the user opens the task's deployed form, fills in what it asks for (every
   * required field it shows) and sends nothing it does not have.
   */
  private void fillTask(String user, String taskId, Map<String, Object> values)
      throws IOException {
    var form = http.get("/engine-rest/task/" + taskId + "/deployed-form", user);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    Set<String> editable = new HashSet<>();
    Set<String> required = new HashSet<>();
    collectFields(json.readTree(form.body()), editable, required);
    assertThat(editable).as("fields of the form of " + taskId).containsAll(values.keySet());
    assertThat(values.keySet()).as("required fields of the form of " + taskId)
        .containsAll(required);
    submitFormTo(user, taskId, values);
  }

  /**
   * The keys a person can type into, and of those the ones required whatever else is chosen
   * (a field the form may hide, like the CERF's implementing partners, is left to the test).
   */
  private static void collectFields(JsonNode node, Set<String> editable, Set<String> required) {
    for (JsonNode component : node.path("components")) {
      boolean readOnly = component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false);
      if (component.hasNonNull("key") && !readOnly) {
        String key = component.get("key").asText();
        editable.add(key);
        if (component.path("validate").path("required").asBoolean(false)
            && component.path("conditional").path("hide").isMissingNode()) {
          required.add(key);
        }
      }
      collectFields(component, editable, required);
    }
  }

  /** The ids of the appeal's open tasks of that key the user sees in Tasklist. */
  private List<String> taskIds(String user, String appealId, String taskKey) throws IOException {
    scenario.asSystem();
    String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(appealId).singleResult().getBusinessKey();
    var found = http.get("/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(businessKey, StandardCharsets.UTF_8) + "&taskDefinitionKey="
        + taskKey, user);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(found.body()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  /**
   * Every human task of the appeal and its partners' sub-processes was completed, and by the
   * user who does it in Tasklist (the engine's operation log names who completed each).
   */
  private void everyHumanTaskWasCompletedByItsUser(String appealId, String... applicants) {
    Map<String, Set<String>> usersByTask = Map.of(
        "Task_ConfirmActivation", Set.of("lb.unicef"),
        "Task_RapidNeedsAssessment", Set.of("lb.savethechildren"),
        "Task_DraftResponsePlan", Set.of("lb.unicef"),
        "Task_SubmitProject", Set.of(applicants),
        "Task_VetProject", Set.of("lb.savethechildren"),
        "Task_SignOffUnicef", Set.of("lb.unicef"),
        "Task_SignOffSaveTheChildren", Set.of("lb.savethechildren"),
        "Task_EndorseAppeal", Set.of("lb.hc"));
    scenario.asSystem();
    String businessKey = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(appealId).singleResult().getBusinessKey();
    List<HistoricTaskInstance> tasks = engine.getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).list();
    Map<String, Set<String>> completedBy = new LinkedHashMap<>();
    for (HistoricTaskInstance task : tasks) {
      assertThat(task.getEndTime()).as(task.getTaskDefinitionKey() + " still open").isNotNull();
      if (!"completed".equals(task.getDeleteReason())) {
        // The call's last open submission task ends with the deadline, unfilled.
        assertThat(task.getTaskDefinitionKey()).as(task.getDeleteReason())
            .isEqualTo("Task_SubmitProject");
        continue;
      }
      List<UserOperationLogEntry> completions = engine.getHistoryService()
          .createUserOperationLogQuery().taskId(task.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
      assertThat(completions).as(task.getTaskDefinitionKey()).isNotEmpty();
      completedBy.computeIfAbsent(task.getTaskDefinitionKey(), key -> new HashSet<>())
          .add(completions.get(0).getUserId());
    }
    assertThat(completedBy).isEqualTo(usersByTask);
  }

  /** A donor registered by the secretariat for the country, in English: returns its e-mail. */
  private String registerDonor(String country) throws IOException {
    String email = "robot-donor-" + UUID.randomUUID().toString().substring(0, 8)
        + "@donors.example.org";
    var created = http.post("/api/donors", "secretariat", """
        {"organisation": "Pooled fund donor", "contactName": "Grants officer", "email": "%s",
         "language": "en", "countries": ["%s"], "appealTypes": []}
        """.formatted(email, country));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return email;
  }
}
