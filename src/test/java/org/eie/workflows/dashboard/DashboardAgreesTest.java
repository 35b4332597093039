package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every view of the appeals counts them alike: the dashboard's header, its table per country, its
 * rows and their order, the read API and the CSV export, read 30 days after the scenarios' "now"
 * with appeals overdue (assessment, activated or not, publication, publication of a revision), on
 * time, cancelled, and a training rollout that has not reached its countries yet. Other test
 * classes' appeals are in the same database: the views must agree on them too.
 */
class DashboardAgreesTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = AppealScenario.NOW;
  static final Instant READ = NOW.plus(Duration.ofDays(30));
  /** Version 1's deadlines (onset 10:08 on the 20th, Flash Appeal: published within 7 days). */
  static final String V1_PUBLICATION_DUE = "2026-11-27T10:08:00Z";
  static final String V1_SUBMISSION_DUE = "2026-11-22T12:00:00Z";

  private static Built built;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Http http;
  WebDriver browser;

  record Built(String revised, String publicationLate, String assessmentLate,
      String notActivated, String onTime, String cancelled, String cancelledKey,
      String rollout) {
  }

  @BeforeEach
  void build() {
    http = new Http(port);
    synchronized (DashboardAgreesTest.class) {
      if (built == null) {
        // The revised appeal is published to whichever donors the other test classes left
        // subscribed: a real mail server takes their e-mails.
        var smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        try {
          built = appeals();
        } finally {
          smtp.stop();
        }
      }
    }
    AppealScenario.clock(READ);
  }

  @AfterEach
  void reset() {
    if (browser != null) {
      HeadlessBrowser.quit(browser);
    }
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void headerCountryTableRowsOrderApiAndCsvCountTheSameAppeals() throws Exception {
    AppealScenario.clock(READ);
    List<JsonNode> all = everyAppeal();
    long open = all.stream().filter(a -> a.get("status").asText().equals("OPEN")).count();
    long overdue = all.stream().filter(a -> a.get("status").asText().equals("OPEN")
        && a.get("overdue").asBoolean()).count();
    assertThat(overdue).isGreaterThanOrEqualTo(4);

    // The read API's own filters count the same.
    assertThat(total("status=OPEN")).isEqualTo(open);
    assertThat(total("status=OPEN&overdue=true")).isEqualTo(overdue);
    assertThat(total("overdue=true")).isEqualTo(overdue);
    // Its order: overdue first, then the other open ones, then the ended ones.
    List<Integer> ranks = all.stream().map(a -> a.get("overdue").asBoolean() ? 0
        : a.get("status").asText().equals("OPEN") ? 1 : 2).toList();
    assertThat(ranks).isSorted();
    assertThat(ids(all).indexOf(built.publicationLate())).isLessThan(ids(all)
        .indexOf(built.onTime()));
    assertThat(ids(all).indexOf(built.revised())).isLessThan(ids(all).indexOf(built.onTime()));
    assertThat(appeal(all, built.publicationLate()).get("overdue").asBoolean()).isTrue();
    assertThat(appeal(all, built.revised()).get("overdue").asBoolean()).isTrue();
    assertThat(appeal(all, built.assessmentLate()).get("overdue").asBoolean()).isTrue();
    assertThat(appeal(all, built.notActivated()).get("overdue").asBoolean()).isTrue();
    assertThat(appeal(all, built.onTime()).get("overdue").asBoolean()).isFalse();

    // The CSV: one row per appeal, the same statuses and overdue flags.
    Map<String, List<String>> csv = csvRows();
    assertThat(csv).hasSize(all.size());
    assertThat(csv.values().stream().filter(row -> row.get(7).equals("OPEN")).count())
        .isEqualTo(open);
    assertThat(csv.values().stream().filter(row -> row.get(7).equals("OPEN")
        && row.get(13).equals("yes")).count()).isEqualTo(overdue);

    // The dashboard: header, table per country, red rows first.
    logIn("secretariat");
    // "12 open appeals, 3 overdue."
    List<Long> summary = java.util.regex.Pattern.compile("\\d+").matcher(
        browser.findElement(By.cssSelector("h1 + p")).getText()).results()
        .map(number -> Long.parseLong(number.group())).toList();
    assertThat(summary).containsExactly(open, overdue);
    Map<String, Long> openByCountry = new TreeMap<>();
    Map<String, Long> overdueByCountry = new TreeMap<>();
    all.stream().filter(a -> a.get("status").asText().equals("OPEN")).forEach(a -> {
      openByCountry.merge(a.get("country").asText(), 1L, Long::sum);
      overdueByCountry.merge(a.get("country").asText(), a.get("overdue").asBoolean() ? 1L : 0L,
          Long::sum);
    });
    Map<String, Long> waitingForSomeone = new TreeMap<>();
    all.stream().filter(a -> a.get("overdue").asBoolean()).forEach(a -> {
      if (engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(a.get("businessKey").asText()).count() > 0) {
        waitingForSomeone.merge(a.get("country").asText(), 1L, Long::sum);
      }
    });
    assertThat(waitingForSomeone.values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(4);
    Map<String, Long> shownOpen = new TreeMap<>();
    Map<String, Long> shownOverdue = new TreeMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#by-country tbody tr"))) {
      String country = row.getAttribute("data-country");
      List<WebElement> cells = row.findElements(By.tagName("td"));
      shownOpen.put(country, Long.parseLong(cells.get(1).getText()));
      shownOverdue.put(country, Long.parseLong(cells.get(2).getText()));
      // Every open task of an overdue appeal is late: at least one per overdue appeal waiting
      // for a person (one that another test class left at a job it never ran waits for none).
      assertThat(Long.parseLong(cells.get(3).getText())).as(country)
          .isGreaterThanOrEqualTo(waitingForSomeone.getOrDefault(country, 0L));
    }
    assertThat(shownOpen).isEqualTo(openByCountry);
    assertThat(shownOverdue).isEqualTo(overdueByCountry);
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.appeal"));
    assertThat((long) rows.size()).isEqualTo(Math.min(open, DashboardController.OVERVIEW_ROWS));
    List<Boolean> red = rows.stream().map(row -> row.getAttribute("class").contains("overdue"))
        .toList();
    assertThat(red.stream().filter(r -> r).count()).isEqualTo(Math.min(overdue, rows.size()));
    assertThat(red.subList(0, (int) Math.min(overdue, rows.size()))).doesNotContain(false);
    assertThat(browser.findElements(By.cssSelector(
        "#overdue-tasks-by-process tr[data-process='emergencyFundingAppeal']"))).isNotEmpty();
    // A rollout still at the package stage (no country yet) is listed with its stage.
    assertThat(browser.findElement(By.cssSelector("#rollouts tr[data-rollout='"
        + built.rollout() + "']")).getText()).contains("DASHCOUNTS-1.0", "Confirm alignment");
    assertThat(csv.get(built.cancelledKey()).get(7)).isEqualTo("CANCELLED");
  }

  @Test
  void aCancelledAppealReadsCancelledInTheListTheDetailAndTheExport() throws Exception {
    JsonNode cancelled = json(http.get("/api/appeals?status=CANCELLED&size=200", "secretariat"));
    assertThat(ids(list(cancelled))).contains(built.cancelled());
    cancelled.get("items").forEach(item ->
        assertThat(item.get("status").asText()).isEqualTo("CANCELLED"));
    assertThat(json(http.get("/api/appeals/" + built.cancelled(), "secretariat"))
        .at("/appeal/status").asText()).isEqualTo("CANCELLED");
    assertThat(ids(list(json(http.get("/api/appeals?status=CLOSED&size=200", "secretariat")))))
        .contains(built.cancelled());
    assertThat(ids(list(json(http.get("/api/appeals?status=PUBLISHED&size=200",
        "secretariat"))))).doesNotContain(built.cancelled());
    assertThat(ids(everyAppeal()).stream().filter(built.cancelled()::equals)).hasSize(1);
  }

  @Test
  void versionOnesStepsAreJudgedAgainstVersionOnesDeadlines() throws Exception {
    JsonNode detail = json(http.get("/api/appeals/" + built.revised(), "secretariat"));
    List<JsonNode> signOffs = steps(detail, "Task_SignOffSaveTheChildren");
    assertThat(signOffs).isNotEmpty();
    JsonNode versionOne = signOffs.get(0);
    // Signed off on the 28th, a day after version 1 was due: late, whatever the revision says.
    assertThat(versionOne.get("deadline").asText()).isEqualTo(V1_PUBLICATION_DUE);
    assertThat(versionOne.get("onTime").asBoolean()).isFalse();
    assertThat(versionOne.get("minutesAgainstDeadline").asLong()).isPositive();
    assertThat(steps(detail, "Task_SubmitProject").get(0).get("deadline").asText())
        .isEqualTo(V1_SUBMISSION_DUE);
    // The revision's own steps are judged against the revision's deadlines.
    List<JsonNode> calls = steps(detail, "Task_SubmitProject");
    assertThat(calls.get(calls.size() - 1).get("deadline").asText())
        .isEqualTo(NOW.plus(Duration.ofDays(15)).toString());
    assertThat(json(http.get("/api/appeals/" + built.revised(), "secretariat"))
        .at("/appeal/deadlines").toString()).contains(NOW.plus(Duration.ofDays(19)).toString());
  }

  @Test
  void theAppealPageKeepsTheCents() {
    logIn("secretariat");
    browser.get("http://localhost:" + port + "/dashboard/appeals/" + built.revised());
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(
        By.id("coverage-total")));
    assertThat(browser.findElement(By.id("coverage")).getText()).contains("250,000.50 USD");
    assertThat(browser.findElement(By.id("coverage-total")).getText()).contains("250,000.50 USD");
  }

  @Test
  void timePerStepCoversEveryUserStepThatSomebodyCompleted() throws Exception {
    JsonNode durations = json(http.get("/api/step-durations", "secretariat"));
    Map<String, Integer> counted = new HashMap<>();
    for (String section : List.of("appeals", "trainingRollouts", "planningCycles")) {
      durations.path(section).forEach(step -> counted.put(step.get("process").asText() + "/"
          + step.get("step").asText(), step.get("count").asInt()));
    }
    // Steps of processes still running count (appeals rarely end), and only the tasks a user
    // completed: the partner tasks the submission deadline cancelled do not.
    for (String step : List.of("emergencyFundingAppeal/Task_ConfirmActivation",
        "emergencyFundingAppeal/Task_RapidNeedsAssessment",
        "emergencyFundingAppeal/Task_SignOffSaveTheChildren",
        "emergencyFundingAppeal/Task_EndorseAppeal",
        "appealPartnerSubmission/Task_SubmitProject",
        "trainingPackageRollout/Task_TrainTrainers")) {
      String[] parts = step.split("/");
      long completed = engine.getHistoryService().createHistoricTaskInstanceQuery()
          .processDefinitionKey(parts[0]).taskDefinitionKey(parts[1]).finished()
          .taskDeleteReason("completed").count();
      if (completed > 0 || !step.startsWith("training")) {
        assertThat(counted.get(step)).as(step).isEqualTo((int) completed);
      }
    }
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processDefinitionKey("appealPartnerSubmission").taskDefinitionKey("Task_SubmitProject")
        .finished().count())
        .isGreaterThan(counted.get("appealPartnerSubmission/Task_SubmitProject"));
    // The planning cycles' steps have their own section.
    assertThat(durations.has("planningCycles")).isTrue();
  }

  // The appeals, built once: each moves the engine's clock to when it happened.

  private Built appeals() {
    var scenario = new AppealScenario(engine);

    // Version 1 published a day late, then revised on the 2nd of December with a 3-day call;
    // the revision's publication (7 days after it) is overdue when the dashboard is read.
    AppealScenario.clock(NOW);
    ProcessInstance revised = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", revised, "Task_SubmitProject", AppealScenario.project(
        "Learning spaces in Bourj Hammoud", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 600000.0)));
    scenario.closeCall(revised);
    scenario.vetAll(revised, "ACCEPT");
    AppealScenario.clock(NOW.plus(Duration.ofDays(8)));
    scenario.submit("lb.unicef", revised, "Task_SignOffUnicef",
        AppealScenario.signOff("APPROVE", "For UNICEF"));
    scenario.submit("lb.savethechildren", revised, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    scenario.endorse(revised);
    runJobs(revised.getId());
    AppealScenario.clock(NOW.plus(Duration.ofDays(12)));
    var revision = http.post("/api/appeals/" + revised.getId() + "/revision", "lb.unicef",
        "{\"reason\":\"The joint assessment is in\"}");
    assertThat(revision.statusCode()).as(revision.body()).isEqualTo(200);
    var reviseTask = scenario.task(revised, "Task_ReviseAppeal");
    var defaults = engine.getFormService().getTaskFormVariables(reviseTask.getId());
    Map<String, Object> form = AppealScenario.assessment();
    form.put("revisionReason", "The joint assessment found more girls out of school.");
    form.put("projectBudgets", defaults.getValue("projectBudgets", String.class));
    form.put("withdrawProjects", "");
    form.put("newCallDays", 3L);
    scenario.submit("lb.unicef", reviseTask, form);
    AppealScenario.clock(NOW.plus(Duration.ofDays(15)).plus(Duration.ofMinutes(1)));
    Job closes = scenario.job(revised, "Event_SubmissionClosed");
    engine.getManagementService().executeJob(closes.getId());
    runJobs(revised.getId());
    // Cents a donor committed, after the publications (no delivery to this donor).
    String donor = id(http.post("/api/donors", "secretariat", """
        {"organisation": "Cents Fund", "contactName": "Ana", "email": "cents-%s@donors.example.org",
         "language": "en", "countries": ["LB"], "appealTypes": []}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8))));
    var pledge = http.post("/api/pledges", "secretariat", """
        {"donorId": "%s", "appealId": "%s", "activity": "TEMPORARY_LEARNING_SPACES",
         "amountUsd": 250000.50, "date": "2026-12-05", "status": "COMMITTED"}"""
        .formatted(donor, revised.getId()));
    assertThat(pledge.statusCode()).as(pledge.body()).isEqualTo(201);
    assertThat(http.send(http.request("/api/donors/" + donor, "secretariat").DELETE())
        .statusCode()).isLessThan(300);

    // Assessed and planned, its call open for partners, but 7 days after onset not published.
    AppealScenario.clock(NOW.minus(Duration.ofHours(23)));
    Map<String, Object> floods = AppealScenario.trigger();
    floods.put("emergencyType", "Floods");
    floods.put("onset", NOW.minus(Duration.ofDays(1)).toString());
    ProcessInstance publicationLate = scenario.openCall(floods, "TEMPORARY_LEARNING_SPACES");

    // Activated five days ago, never assessed.
    AppealScenario.clock(READ.minus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
    Map<String, Object> earthquake = AppealScenario.trigger();
    earthquake.put("emergencyType", "Earthquake");
    earthquake.put("onset", READ.minus(Duration.ofDays(5)).toString());
    ProcessInstance assessmentLate = scenario.start(earthquake);
    scenario.submit("lb.unicef", assessmentLate, "Task_ConfirmActivation", AppealScenario.go());

    // Activated an hour ago: the assessment is due in three days.
    AppealScenario.clock(READ.minus(Duration.ofHours(1)));
    Map<String, Object> storm = AppealScenario.trigger();
    storm.put("emergencyType", "Storm");
    storm.put("onset", READ.minus(Duration.ofHours(2)).toString());
    ProcessInstance onTime = scenario.start(storm);
    scenario.submit("lb.unicef", onTime, "Task_ConfirmActivation", AppealScenario.go());

    // Cancelled by the co-leads.
    Map<String, Object> fire = AppealScenario.trigger();
    fire.put("emergencyType", "Fire");
    fire.put("onset", READ.minus(Duration.ofHours(3)).toString());
    ProcessInstance cancelled = scenario.start(fire);
    var cancellation = http.post("/api/appeals/" + cancelled.getId() + "/cancellation",
        "lb.savethechildren", "{\"reason\":\"Merged into the HRP\"}");
    assertThat(cancellation.statusCode()).as(cancellation.body()).isEqualTo(200);

    // Triggered four days ago and never activated: 72 hours passed without an assessment.
    AppealScenario.clock(READ.minus(Duration.ofDays(4)));
    Map<String, Object> landslide = AppealScenario.trigger();
    landslide.put("country", "CO");
    landslide.put("emergencyType", "Landslide");
    landslide.put("onset", READ.minus(Duration.ofDays(4)).toString());
    landslide.put("affectedAreas", "Mocoa");
    ProcessInstance notActivated = scenario.start("co.unicef", landslide);

    // A rollout at the package stage: no country has started yet.
    var rollout = http.post("/api/training-rollouts", "secretariat", """
        {"packageVersion": "DASHCOUNTS-1.0", "modules": ["Module 1: The INEE Minimum Standards"],
         "countries": ["LB"], "languages": ["fr"]}""");
    assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(201);

    scenario.asSystem();
    return new Built(revised.getId(), publicationLate.getId(), assessmentLate.getId(),
        notActivated.getId(), onTime.getId(), cancelled.getId(), cancelled.getBusinessKey(),
        id(rollout));
  }

  /**
   * The appeal's jobs that are due and those of the processes it called, as the job executor
   * would at the engine's time.
   */
  private void runJobs(String appealId) {
    var management = engine.getManagementService();
    for (int round = 0; round < 20; round++) {
      List<String> instances = new ArrayList<>(List.of(appealId));
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(appealId)
          .list().forEach(sub -> instances.add(sub.getId()));
      List<Job> jobs = new ArrayList<>();
      for (String instance : instances) {
        jobs.addAll(management.createJobQuery().processInstanceId(instance).executable()
            .list().stream().filter(job -> job.getDuedate() == null
                || !job.getDuedate().toInstant().isAfter(
                    org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()))
            .toList());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private void logIn(String user) {
    browser = HeadlessBrowser.start();
    browser.get("http://localhost:" + port + "/dashboard/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("login")).click();
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(
        By.id("open-appeals")));
  }

  private List<JsonNode> everyAppeal() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = json(http.get("/api/appeals?size=200&page=" + page, "secretariat"));
      answer.get("items").forEach(all::add);
      if (all.size() >= answer.get("total").asLong() || answer.get("items").isEmpty()) {
        return all;
      }
    }
  }

  private long total(String query) throws Exception {
    return json(http.get("/api/appeals?size=1&" + query, "secretariat")).get("total").asLong();
  }

  /** The appeals export's rows by business key (plain CSV, header row left out). */
  private Map<String, List<String>> csvRows() {
    var export = http.get("/api/exports/appeals.csv?hxl=false", "secretariat");
    assertThat(export.statusCode()).isEqualTo(200);
    Map<String, List<String>> rows = new HashMap<>();
    String[] lines = export.body().split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      List<String> cells = cells(lines[i]);
      rows.put(cells.get(2), cells);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static List<JsonNode> steps(JsonNode detail, String activityId) {
    List<JsonNode> steps = new ArrayList<>();
    detail.get("timeline").forEach(step -> {
      if (step.get("activityId").asText().equals(activityId)) {
        steps.add(step);
      }
    });
    return steps;
  }

  private static JsonNode appeal(List<JsonNode> all, String id) {
    return all.stream().filter(a -> a.get("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("No appeal " + id));
  }

  private static List<JsonNode> list(JsonNode page) {
    List<JsonNode> items = new ArrayList<>();
    page.get("items").forEach(items::add);
    return items;
  }

  private static List<String> ids(List<JsonNode> appeals) {
    return appeals.stream().map(a -> a.get("id").asText()).toList();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String id(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    try {
      return JSON.readTree(response.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
