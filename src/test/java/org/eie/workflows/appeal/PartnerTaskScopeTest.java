package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.project;
import static org.eie.workflows.appeal.AppealScenario.vetting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A partner reads, through its own task, only what its form needs: the partner tasks run in their
 * own small process instances, so the appeal's other projects, the panel's scores, the needs
 * assessment and the sign-offs never reach {@code /engine-rest/task/{id}/variables}.
 */
class PartnerTaskScopeTest extends AppealHttpTest {

  /** Appeal variables a partner has no business reading. */
  static final List<String> APPEAL_ONLY = List.of("projects", "needsAssessment", "responsePlan",
      "activation", "trigger", "signOffs", "consolidation", "consolidationReview",
      "vettingDecision", "projectId", "publicationDeadline", "assessmentDue");


  @Test
  void aPartnerReadsThroughItsTasksOnlyWhatItsFormsNeed() throws Exception {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject",
        project("Confidential counselling plan", "Mount Lebanon",
            Map.of("budgetTemporaryLearningSpaces", 250000.0)));

    Task submit = scenario.task(appeal, "Task_SubmitProject");
    String submitTask = submit.getId();
    // Its own instance, in the country's tenant ("My country's tasks"), out of other countries' sight.
    assertThat(submit.getProcessInstanceId()).isNotEqualTo(appeal.getId());
    assertThat(submit.getTenantId()).isEqualTo("LB");
    var otherCountry = http.get("/engine-rest/task/" + submitTask + "/variables", "partner.co");
    assertThat(otherCountry.statusCode()).as(otherCountry.body()).isNotEqualTo(200);
    assertThat(otherCountry.body()).doesNotContain("submissionDeadline");
    for (String path : List.of("/variables", "/form-variables")) {
      var response = http.get("/engine-rest/task/" + submitTask + path, "partner.lb");
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      JsonNode variables = json.readTree(response.body());
      assertThat(names(variables)).as(path).doesNotContainAnyElementsOf(APPEAL_ONLY);
      assertThat(response.body()).as(path).doesNotContain("Norwegian Refugee Council")
          .doesNotContain("Confidential counselling plan");
      if (path.equals("/variables")) {
        // The call's context for the form and the task list (the affected areas: where a project
        // may be; the appeal type, whose rules the form states); nothing else of the appeal.
        assertThat(names(variables)).containsExactlyInAnyOrder("country", "submissionDeadline",
            "emergency", "countryName", "callForProjects", "affectedAreas", "appealType");
      }
    }

    scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        project("Learning kits", "Beirut", Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    scenario.closeCall(appeal);
    PartnerProjects projects = (PartnerProjects) scenario.variable(appeal, "projects");
    String returned = projects.projects().stream()
        .filter(p -> p.title().equals("Learning kits")).findFirst().orElseThrow().id();
    for (Task vet : scenario.tasks(appeal, "Task_VetProject")) {
      boolean mine = returned.equals(engine.getTaskService().getVariable(vet.getId(), "projectId"));
      scenario.submit("lb.unicef", vet, mine
          ? vetting("RETURN", "Budget for learning spaces too high per child")
          : vetting("ACCEPT", "Strong psychosocial component"));
    }

    String reviseTask = scenario.task(appeal, "Task_ReviseProject").getId();
    for (String path : List.of("/variables", "/form-variables")) {
      var response = http.get("/engine-rest/task/" + reviseTask + path, "partner.lb");
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      assertThat(names(json.readTree(response.body()))).as(path)
          .doesNotContainAnyElementsOf(APPEAL_ONLY);
      assertThat(response.body()).as(path).doesNotContain("Norwegian Refugee Council")
          .doesNotContain("Confidential counselling plan")
          .doesNotContain("Strong psychosocial component")
          .doesNotContain("strategicRelevance").doesNotContain("scorecard");
    }
    var variables = json.readTree(http.get("/engine-rest/task/" + reviseTask + "/variables",
        "partner.lb").body());
    assertThat(variables.get("projectTitle").get("value").asText()).isEqualTo("Learning kits");
    assertThat(variables.get("projectSummary").get("value").asText())
        .contains("Budget for learning spaces too high per child");

    // The co-lead still sees the appeal's own data.
    var appealVariables = http.get("/engine-rest/process-instance/" + appeal.getId()
        + "/variables", "lb.unicef");
    assertThat(appealVariables.statusCode()).isEqualTo(200);
    assertThat(names(json.readTree(appealVariables.body())))
        .contains("projects", "needsAssessment", "responsePlan").doesNotContain("submittedProject");
    assertThat(appealVariables.body()).contains("Confidential counselling plan")
        .contains("Strong psychosocial component");
    // ...and the partner cannot read the appeal itself.
    assertThat(http.get("/engine-rest/process-instance/" + appeal.getId() + "/variables",
        "partner.lb").statusCode()).isIn(403, 404);
  }

  private static List<String> names(JsonNode variables) {
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
