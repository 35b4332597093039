package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filter list with its counts, a filter's page of tasks and an opened task's form, each
 * answered in one engine command: the same counts, tasks and values the engine gives the caller
 * one call at a time, in Tasklist and in the REST API, and the same refusals, never a server error.
 */
class TasklistReadsInOneCommandTest extends PostgresApplicationTest {

  private static final String CO_LEAD = "lb.unicef";
  private static final String TASKLIST = "/camunda/api/engine/engine/default";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filters;
  @Autowired
  ObjectMapper json;

  Http http;
  AppealScenario scenario;
  String hidden;
  ProcessInstance appeal;

  @BeforeEach
  void appealsAndAFilterTheCoLeadMayNotRead() {
    http = new Http(port);
    scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    appeal = scenario.start(CO_LEAD, AppealScenario.trigger());
    scenario.start(CO_LEAD, AppealScenario.trigger());
    Filter filter = filters.newTaskFilter("Administrators' review").setOwner("admin");
    hidden = filters.saveFilter(filter).getId();
  }

  @AfterEach
  void removeIt() {
    scenario.asSystem();
    filters.deleteFilter(hidden);
    ClockUtil.reset();
  }

  @Test
  void theFilterListCountsAndPagesAreTheEnginesAnswersForTheCaller() throws Exception {
    var tasklist = WebappSession.login(http, CO_LEAD, "demo");
    HttpResponse<String> listed = tasklist.get(TASKLIST + "/filter?resourceType=Task&itemCount=true");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    Map<String, Long> counted = new LinkedHashMap<>();
    for (JsonNode filter : json.readTree(listed.body())) {
      counted.put(filter.path("id").asText(), filter.path("itemCount").asLong());
    }

    scenario.as(CO_LEAD);
    Map<String, Long> engines = new LinkedHashMap<>();
    for (Filter filter : filters.createTaskFilterQuery().orderByFilterId().asc().list()) {
      engines.put(filter.getId(), filters.count(filter.getId()));
    }
    List<String> everyTask = ids(filters.<Task>listPage(busiest(engines), 0, 1000));
    scenario.asSystem();

    assertThat(counted).isEqualTo(engines).doesNotContainKey(hidden);
    assertThat(engines.values()).as("the co-lead's filters show the appeals' tasks")
        .anyMatch(count -> count >= 2);
    HttpResponse<String> page = tasklist.post(TASKLIST + "/filter/" + busiest(engines)
        + "/list?firstResult=0&maxResults=1000", "{}");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    List<String> pageIds = new ArrayList<>();
    json.readTree(page.body()).forEach(task -> pageIds.add(task.path("id").asText()));
    assertThat(pageIds).containsExactlyInAnyOrderElementsOf(everyTask).isNotEmpty();
    assertThat(http.get("/engine-rest/filter/" + busiest(engines) + "/count", CO_LEAD).body())
        .isEqualTo("{\"count\":" + engines.get(busiest(engines)) + "}");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aFilterTheCallerMayNotReadIsRefusedAsTheEngineRefusesIt(CapturedOutput log)
      throws Exception {
    HttpResponse<String> engines = http.get("/engine-rest/filter/" + hidden, CO_LEAD);
    assertThat(engines.statusCode()).isEqualTo(403);
    for (HttpResponse<String> refused : List.of(
        http.get("/engine-rest/filter/" + hidden + "/count", CO_LEAD),
        http.get("/engine-rest/filter/" + hidden + "/list", CO_LEAD),
        http.post("/engine-rest/filter/" + hidden + "/list", CO_LEAD, "{}"))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(json.readTree(refused.body()).path("type").asText())
          .isEqualTo("AuthorizationException");
    }
    // Each refusal is logged once, as a refusal, not as a failure of the shared transaction.
    assertThat(log.getOut().lines().filter(line -> line.contains("Refused (")
        && line.contains(hidden))).hasSize(4);
    assertThat(log.getOut()).doesNotContain("rollback-only").doesNotContain(" failed");
    // The next read on the same node is answered as usual.
    assertThat(http.get("/engine-rest/filter?itemCount=true", CO_LEAD).statusCode())
        .isEqualTo(200);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anOpenedTaskShowsTheEnginesValuesAndOnceCompletedIsGoneLikeTheTaskItself(
      CapturedOutput log) throws Exception {
    var tasklist = WebappSession.login(http, CO_LEAD, "demo");
    Task activation = scenario.task(appeal, "Task_ConfirmActivation");
    String task = TASKLIST + "/task/" + activation.getId();

    HttpResponse<String> form = tasklist.get(task + "/deployed-form");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(json.readTree(form.body()).path("id").asText()).isEqualTo("appealActivation");
    HttpResponse<String> shown = tasklist.get(task + "/form-variables");
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode values = json.readTree(shown.body());
    List<String> names = new ArrayList<>();
    values.fieldNames().forEachRemaining(names::add);
    scenario.as(CO_LEAD);
    VariableMap engines = engine.getFormService().getTaskFormVariables(activation.getId(), names,
        true);
    scenario.asSystem();
    assertThat(names).as("the activation form shows what triggered the appeal")
        .containsExactly("triggerSummary");
    assertThat(values.path("triggerSummary").path("value").asText())
        .isNotEmpty().isEqualTo(engines.get("triggerSummary"));

    // Completed by a colleague meanwhile: gone, as the engine says of the task itself.
    scenario.submit(CO_LEAD, appeal, "Task_ConfirmActivation", AppealScenario.go());
    HttpResponse<String> gone = http.get("/engine-rest/task/" + activation.getId(), CO_LEAD);
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);
    for (String route : List.of("/form-variables", "/deployed-form", "/variables")) {
      HttpResponse<String> completed = tasklist.get(task + route);
      assertThat(completed.statusCode()).as(route + " " + completed.body()).isEqualTo(404);
      assertThat(json.readTree(completed.body())).isEqualTo(json.readTree(gone.body()));
    }
    assertThat(log.getOut()).doesNotContain("rollback-only").doesNotContain(" failed");
    assertThat(tasklist.get(TASKLIST + "/filter?resourceType=Task&itemCount=true").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aQueryTheEngineCannotReadIsTheCallersError() throws Exception {
    String mine = json.readTree(http.get("/engine-rest/filter", CO_LEAD).body()).get(0)
        .path("id").asText();
    String query = "{\"sorting\": [{\"sortBy\": \"nonsense\", \"sortOrder\": \"asc\"}]}";
    HttpResponse<String> answer = http.post("/engine-rest/filter/" + mine + "/list", CO_LEAD,
        query);
    HttpResponse<String> taskQuery = http.post("/engine-rest/task", CO_LEAD, query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body())).isEqualTo(json.readTree(taskQuery.body()));
  }

  private static String busiest(Map<String, Long> counts) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
