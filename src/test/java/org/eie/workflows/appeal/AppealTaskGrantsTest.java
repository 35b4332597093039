package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.go;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Co-leads read their country's appeal tasks through their grant on the appeal, so the engine's
 * grant on each task offered to them carries only the right to work on it (no task query joins
 * it); what they see and may do in Tasklist stays what it was: the tasks offered to them, not the
 * global co-leads' follow-ups, not the partners' tasks, nothing of another country.
 */
class AppealTaskGrantsTest extends AppealHttpTest {

  @Test
  void theCountryFilterListsExactlyTheTasksACoLeadMayWorkOn() throws Exception {
    ProcessInstance inCall = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    ProcessInstance overdue = scenario.start();
    scenario.submit("lb.unicef", overdue, "Task_ConfirmActivation", go());
    scenario.runJob(overdue, "Event_AssessmentOverdue");
    ProcessInstance fresh = scenario.start();

    Task confirm = scenario.task(fresh, "Task_ConfirmActivation");
    Task assess = scenario.task(overdue, "Task_RapidNeedsAssessment");
    Task followUp = scenario.task(overdue, "Task_FollowUpOverdueAssessment");
    Task partnerTask = scenario.task(inCall, "Task_SubmitProject");

    String filter = filterId("lb.unicef", "My country's tasks: Lebanon");
    List<String> listed = listed(filter, "lb.unicef");
    assertThat(listed).contains(confirm.getId(), assess.getId())
        .doesNotContain(followUp.getId(), partnerTask.getId());
    assertThat(count(filter, "lb.unicef")).isEqualTo(listed.size());
    // A partner's list: the call for projects, none of the co-leads' tasks.
    assertThat(listed(filterId("partner.lb", "My country's tasks: Lebanon"), "partner.lb"))
        .contains(partnerTask.getId()).doesNotContain(confirm.getId(), followUp.getId());

    // The co-leads' grant on their task: work, not read; the partners' grant still reads.
    Authorization coLeads = grantOn(confirm, "coleads-LB");
    assertThat(coLeads.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(coLeads.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(grantOn(partnerTask, "partners-LB").isPermissionGranted(Permissions.READ)).isTrue();

    // Reading the global co-leads' follow-up does not let a country co-lead work on it.
    assertThat(http.get("/engine-rest/task/" + followUp.getId(), "lb.unicef").statusCode())
        .isEqualTo(200);
    var complete = http.post("/engine-rest/task/" + followUp.getId() + "/complete", "lb.unicef",
        "{\"variables\":{\"followUpNote\":{\"value\":\"done\"}}}");
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    assertThat(scenario.tasks(overdue, "Task_FollowUpOverdueAssessment")).hasSize(1);
    // Another country's co-lead sees none of it.
    assertThat(http.get("/engine-rest/task/" + confirm.getId(), "co.unicef").statusCode())
        .isEqualTo(404);

    // The co-lead still works on their own task.
    var confirmed = http.post("/engine-rest/task/" + confirm.getId() + "/submit-form",
        "lb.unicef", "{\"variables\":{\"activated\":{\"value\":\"true\"},"
            + "\"activationReason\":{\"value\":\"Flash Appeal requested by the HC\"},"
            + "\"appealLead\":{\"value\":\"UNICEF\"}}}");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
  }

  private Authorization grantOn(Task task, String group) {
    return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
        .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
  }

  private String filterId(String user, String name) throws Exception {
    for (JsonNode filter : json.readTree(http.get("/engine-rest/filter", user).body())) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError(user + " has no filter " + name);
  }

  private List<String> listed(String filter, String user) throws Exception {
    var response = http.post("/engine-rest/filter/" + filter + "/list", user, "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.body()).forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private int count(String filter, String user) throws Exception {
    return json.readTree(http.post("/engine-rest/filter/" + filter + "/count", user, "{}")
        .body()).path("count").asInt();
  }
}
