package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Tasklist asks when a co-lead opens a task, answered from the task's form: the deployed form
 * with a validator the browser sends back (304 while it is unchanged, another one in another
 * language), and the form's variables without the rest of the appeal's.
 */
class TaskFormAnswersTest extends AppealHttpTest {

  private static final String CO_LEAD = "lb.unicef";
  private static final String COLLEAGUE = "lb.savethechildren";

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void nobodyHasChosen() {
    jdbc.sql("delete from eie_user_language where user_id in (?, ?)").params(CO_LEAD, COLLEAGUE)
        .update();
  }

  @Test
  void theDeployedFormIsAnsweredAgainWithoutItsBodyWhileItIsUnchanged() throws Exception {
    String path = "/engine-rest/task/" + activation().getId() + "/deployed-form";

    HttpResponse<String> first = http.get(path, CO_LEAD);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).path("id").asText()).isEqualTo("appealActivation");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    String tag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = http.send(http.request(path, CO_LEAD)
        .header("If-None-Match", tag).GET());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    // The same task's form read by a colleague who chose French: another text, another tag.
    assertThat(http.put("/api/me/language", COLLEAGUE, "{\"language\": \"fr\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> french = http.send(http.request(path, COLLEAGUE)
        .header("If-None-Match", tag).GET());
    assertThat(french.statusCode()).isEqualTo(200);
    assertThat(json.readTree(french.body()).path("eie:language").asText()).isEqualTo("fr");
    assertThat(french.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
    assertThat(french.headers().firstValue("Content-Language")).hasValue("fr");
  }

  @Test
  void aTasksFormVariablesAreTheOnesItsFormReads() throws Exception {
    Task activation = activation();
    String task = "/engine-rest/task/" + activation.getId();
    HttpResponse<String> form = http.get(task + "/deployed-form", CO_LEAD);
    Set<String> read = org.eie.workflows.forms.TaskForms.variableNames(
        form.body().getBytes(StandardCharsets.UTF_8));

    Set<String> formVariables = names(http.get(task + "/form-variables", CO_LEAD));
    Set<String> allVariables = names(http.get(task + "/variables", CO_LEAD));
    assertThat(formVariables).isNotEmpty().isSubsetOf(read);
    Set<String> left = new HashSet<>(allVariables);
    left.removeAll(formVariables);
    assertThat(left).as("the appeal's variables the activation form does not read")
        .isNotEmpty().doesNotContainAnyElementsOf(read);

    // A caller who names variables gets those, in the REST API's shape, as the engine reads them.
    for (String query : new String[] {"", "&deserializeValues=false"}) {
      String named = "?variableNames=" + String.join(",", allVariables) + query;
      HttpResponse<String> answered = http.get(task + "/form-variables" + named, CO_LEAD);
      HttpResponse<String> engines = http.get(task + "/variables" + named, CO_LEAD);
      assertThat(names(answered)).isEqualTo(allVariables);
      assertThat(json.readTree(answered.body())).isEqualTo(json.readTree(engines.body()));
    }
  }

  @Test
  void anotherCountrysTaskFormIsUnknown() {
    String task = "/engine-rest/task/" + activation().getId();
    for (String route : new String[] {"/deployed-form", "/form-variables"}) {
      HttpResponse<String> colombia = http.get(task + route, "co.unicef");
      HttpResponse<String> unknown = http.get("/engine-rest/task/no-such-task" + route,
          "co.unicef");
      assertThat(colombia.statusCode()).isEqualTo(404);
      assertThat(colombia.body()).isEqualTo(unknown.body().replace("no-such-task",
          task.substring(task.lastIndexOf('/') + 1)));
    }
  }

  private Task activation() {
    ProcessInstance appeal = scenario.start(CO_LEAD, AppealScenario.trigger());
    return scenario.task(appeal, "Task_ConfirmActivation");
  }

  private Set<String> names(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode variables = json.readTree(answer.body());
    Set<String> names = new HashSet<>();
    variables.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
