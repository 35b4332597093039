package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import java.sql.Timestamp;
import org.eie.workflows.Http;
import org.eie.workflows.documents.DocumentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.eie.workflows.appeal.AppealScenario;

/**
 * What the dashboard tests look at, built once per test JVM on the shared database (other test
 * classes' processes are there too; the tests find theirs by id), at the engine's fixed "now":
 * <ul>
 *   <li>Lebanon, on track: assessed in time, the call for projects open until now + 2 days,
 *       publication due 7 days after onset; 1,000,000 USD required, 250,000 committed and
 *       100,000 pledged: 25.0 % covered; a first document version, and one donor's copy of it
 *       waiting for a mail server;</li>
 *   <li>Lebanon, late: onset 5 days ago, activated, no assessment: overdue since onset + 72 h;</li>
 *   <li>Colombia: triggered an hour ago, waiting for activation; assessment due in 2 days;</li>
 *   <li>a planning cycle (2036-2038) and a training rollout in Lebanon and Colombia, whose
 *       Colombian workshop took place (12 women, 8 men) and whose evaluation is due.</li>
 * </ul>
 */
final class DashboardFixture {

  static final Instant NOW = AppealScenario.NOW;
  static final Instant LATE_ONSET = NOW.minus(Duration.ofDays(5));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DashboardFixture built;

  final String onTrack;
  final String onTrackKey;
  final String late;
  final String colombia;
  final String cycle;
  final String rollout;

  private DashboardFixture(String onTrack, String onTrackKey, String late, String colombia,
      String cycle, String rollout) {
    this.onTrack = onTrack;
    this.onTrackKey = onTrackKey;
    this.late = late;
    this.colombia = colombia;
    this.cycle = cycle;
    this.rollout = rollout;
  }

  static synchronized DashboardFixture in(ProcessEngine engine, Http http,
      DocumentStore documents, JdbcClient jdbc) {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    if (built == null) {
      built = build(engine, http, documents, jdbc);
    }
    return built;
  }

  private static DashboardFixture build(ProcessEngine engine, Http http, DocumentStore documents,
      JdbcClient jdbc) {
    var scenario = new AppealScenario(engine);
    var runtime = engine.getRuntimeService();

    ProcessInstance onTrack = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    runtime.setVariable(onTrack.getId(), "consolidation", SpinValues.jsonValue("""
        {"totalUsd": 1000000, "byActivity": [
          {"key": "TEMPORARY_LEARNING_SPACES", "projects": 1, "amountUsd": 600000},
          {"key": "PSYCHOSOCIAL_SUPPORT", "projects": 1, "amountUsd": 400000}]}""").create());
    String donor = id(http.post("/api/donors", "secretariat", """
        {"organisation": "Dashboard Test Fund", "contactName": "Ana", "email": "dash-%s@donors.example.org",
         "language": "en", "countries": ["LB"], "appealTypes": []}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8))));
    pledge(http, donor, onTrack.getId(), "TEMPORARY_LEARNING_SPACES", "250000", "COMMITTED");
    pledge(http, donor, onTrack.getId(), null, "100000", "PLEDGED");
    // A first version of the appeal document, and the donor's copy waiting for a mail server.
    documents.store(onTrack.getId(), "appeal", "LB", "en", "appeal-v1.pdf",
        "%PDF-1.7 dashboard test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Timestamp now = Timestamp.from(NOW);
    jdbc.sql("insert into eie_donor_delivery (id, donor_id, appeal_id, document_version, country,"
            + " appeal_type, email, language, message_id, status, status_detail, attempts,"
            + " created_at, updated_at) values (?, ?, ?, 1, 'LB', 'FLASH_APPEAL',"
            + " 'dash@donors.example.org', 'en', ?, 'WAITING_FOR_MAIL_SERVER',"
            + " 'not sent: no mail server configured', 0, ?, ?)")
        .params(UUID.randomUUID().toString(), donor, onTrack.getId(),
            "<" + UUID.randomUUID() + "@dashboard.test>", now, now)
        .update();
    // Only this fixture's pledges need the donor; other tests' appeals must not reach it.
    assertThat(http.send(http.request("/api/donors/" + donor, "secretariat").DELETE())
        .statusCode()).isLessThan(300);

    Map<String, Object> earthquake = AppealScenario.trigger();
    earthquake.put("emergencyType", "Earthquake");
    earthquake.put("onset", LATE_ONSET.toString());
    ProcessInstance late = scenario.start(earthquake);
    scenario.submit("lb.unicef", late, "Task_ConfirmActivation", AppealScenario.go());

    Map<String, Object> floods = AppealScenario.trigger();
    floods.put("country", "CO");
    floods.put("emergencyType", "Floods");
    floods.put("onset", NOW.minus(Duration.ofHours(1)).toString());
    floods.put("affectedAreas", "Arauca");
    ProcessInstance colombia = scenario.start("co.unicef", floods);

    var cycle = http.post("/api/planning-cycles", "secretariat", "{\"firstYear\": 2036}");
    assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(201);

    return new DashboardFixture(onTrack.getId(), onTrack.getBusinessKey(), late.getId(),
        colombia.getId(), id(cycle), rollout(engine, http));
  }

  /** A rollout in LB and CO, driven to the countries: CO's workshop delivered, LB's planned. */
  private static String rollout(ProcessEngine engine, Http http) {
    var started = http.post("/api/training-rollouts", "secretariat", """
        {"packageVersion": "D-dashboard-1.0", "modules": ["Module 1: The INEE Minimum Standards"],
         "countries": ["LB", "CO"], "languages": ["fr"]}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = id(started);
    var tasks = engine.getTaskService();
    complete(engine, id, "Task_ConfirmModuleAlignment", Map.of("moduleAligned", "true"));
    complete(engine, id, "Task_TranslatePackage", Map.of("translationLink", "https://example.org/t"));
    complete(engine, id, "Task_ValidateTranslation", Map.of("translationValidated", "true"));
    complete(engine, id, "Task_TrainTrainers", Map.of("totLocation", "Amman",
        "totStartDate", "2026-11-01", "totEndDate", "2026-11-05",
        "facilitators", "Rania Haddad; UNICEF; Lebanon; Cascade to 3 governorates"));
    var runtime = engine.getRuntimeService();
    for (String country : List.of("LB", "CO")) {
      ProcessInstance branch = runtime.createProcessInstanceQuery().superProcessInstanceId(id)
          .variableValueEquals("country", country).singleResult();
      Task plan = tasks.createTaskQuery().processInstanceId(branch.getId())
          .taskDefinitionKey("Task_PlanWorkshop").singleResult();
      tasks.complete(plan.getId(), Map.of("workshopGoesAhead", "true",
          "workshopLocation", "Capital", "plannedStartDate", "2026-11-10",
          "plannedEndDate", "2026-11-12", "leadFacilitators", "Rania Haddad"));
      if (country.equals("CO")) {
        Task deliver = tasks.createTaskQuery().processInstanceId(branch.getId())
            .taskDefinitionKey("Task_DeliverWorkshop").singleResult();
        Map<String, Object> values = new HashMap<>(Map.of("workshopStartDate", "2026-11-10",
            "workshopEndDate", "2026-11-12", "participantsFemale", 12, "participantsMale", 8,
            "participantsByOrganisation", "UNICEF: 20", "preTestScores", "50, 60",
            "postTestScores", "70, 80"));
        tasks.complete(deliver.getId(), values);
      }
    }
    return id;
  }

  private static void complete(ProcessEngine engine, String rolloutId, String key,
      Map<String, Object> values) {
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(rolloutId)
        .taskDefinitionKey(key).list();
    assertThat(open).as(key).isNotEmpty();
    open.forEach(task -> engine.getTaskService().complete(task.getId(), values));
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(rolloutId)
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private static void pledge(Http http, String donor, String appeal, String activity,
      String amount, String status) {
    var response = http.post("/api/pledges", "secretariat", """
        {"donorId": "%s", "appealId": "%s", %s "amountUsd": %s, "date": "2026-11-20",
         "status": "%s"}""".formatted(donor, appeal,
        activity == null ? "" : "\"activity\": \"" + activity + "\",", amount, status));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static String id(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    try {
      return JSON.readTree(response.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
