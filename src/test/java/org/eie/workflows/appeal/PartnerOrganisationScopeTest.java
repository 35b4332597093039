package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.appeal.AppealScenario.project;
import static org.eie.workflows.appeal.AppealScenario.vetting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A project belongs to the registered partner organisation that submitted it: the submission
 * records it, and a returned project goes back to that organisation's users alone. Another
 * organisation of the same country (partner2.lb, Norwegian Refugee Council) neither sees nor
 * reads nor completes the Lebanese Education Association's revision task through the engine's
 * REST API; a partner user of no registered organisation cannot submit at all.
 */
class PartnerOrganisationScopeTest extends AppealHttpTest {

  static final String LEA = "partner-LB-lea";

  @Test
  void aReturnedProjectGoesBackToTheSubmittingOrganisationOnly() throws IOException {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", project("Learning kits",
        "Beirut", Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    PartnerProject submitted = projects(appeal).get(0);
    assertThat(submitted.partnerOrganisationId()).isEqualTo(LEA);
    assertThat(submitted.partner()).isEqualTo("Lebanese Education Association");
    assertThat(submitted.submittedBy()).isEqualTo("partner.lb");

    scenario.closeCall(appeal);
    scenario.submit("lb.unicef", appeal, "Task_VetProject",
        vetting("RETURN", "Budget for learning spaces too high per child"));
    Task revise = scenario.task(appeal, "Task_ReviseProject");
    assertThat(engine.getTaskService().getIdentityLinksForTask(revise.getId()))
        .extracting(link -> link.getGroupId()).containsExactly(LEA);
    String task = "/engine-rest/task/" + revise.getId();

    // Another organisation of the same country: not listed, not readable, not claimable, not
    // completable.
    assertThat(taskIds(http.get("/engine-rest/task?processInstanceBusinessKey="
        + appeal.getBusinessKey(), "partner2.lb"))).doesNotContain(revise.getId());
    assertThat(taskIds(http.get("/engine-rest/task?candidateGroup=partners-LB",
        "partner2.lb"))).doesNotContain(revise.getId());
    assertThat(http.get(task, "partner2.lb").statusCode()).isIn(403, 404);
    for (String path : List.of("/variables", "/form-variables")) {
      var read = http.get(task + path, "partner2.lb");
      assertThat(read.statusCode()).as(path + ": " + read.body()).isIn(403, 404);
      assertThat(read.body()).doesNotContain("Learning kits").doesNotContain("too high per child");
    }
    assertThat(http.post(task + "/claim", "partner2.lb", "{\"userId\": \"partner2.lb\"}")
        .statusCode()).isIn(403, 404);
    var foreign = http.post(task + "/submit-form", "partner2.lb", revisedForm("Taken over"));
    assertThat(foreign.statusCode()).as(foreign.body()).isIn(403, 404);
    assertThat(http.post(task + "/complete", "partner2.lb", "{}").statusCode()).isIn(403, 404);
    // ...nor through the engine's Java API.
    assertThatThrownBy(() -> scenario.submit("partner2.lb", revise, project("Taken over",
        "Beirut", Map.of("budgetTemporaryLearningSpaces", 1000.0))))
        .isInstanceOf(AuthorizationException.class);
    Task stillOpen = scenario.task(appeal, "Task_ReviseProject");
    assertThat(stillOpen.getId()).isEqualTo(revise.getId());
    assertThat(projects(appeal).get(0).title()).isEqualTo("Learning kits");

    // The submitting organisation's user sees, reads and resubmits it.
    assertThat(taskIds(http.get("/engine-rest/task?processInstanceBusinessKey="
        + appeal.getBusinessKey(), "partner.lb"))).contains(revise.getId());
    var variables = http.get(task + "/variables", "partner.lb");
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    JsonNode values = json.readTree(variables.body());
    assertThat(values.get("projectTitle").get("value").asText()).isEqualTo("Learning kits");
    assertThat(values.get("partnerOrganisation").get("value").asText())
        .isEqualTo("Lebanese Education Association");
    var resubmitted = http.post(task + "/submit-form", "partner.lb",
        revisedForm("Learning kits, revised budget"));
    assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(204);

    PartnerProject revised = projects(appeal).get(0);
    assertThat(revised.revision()).isEqualTo(2);
    assertThat(revised.title()).isEqualTo("Learning kits, revised budget");
    assertThat(revised.partnerOrganisationId()).isEqualTo(LEA);
    assertThat(revised.submittedBy()).isEqualTo("partner.lb");
    assertThat(revised.budgetUsd()).isEqualByComparingTo("180000");
    assertThat(scenario.tasks(appeal, "Task_VetProject")).hasSize(1);
  }

  @Test
  void aPartnerUserOfNoRegisteredOrganisationCannotSubmit() throws IOException {
    String stray = "stray.lb";
    scenario.asSystem();
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(stray).count() == 0) {
      var user = identity.newUser(stray);
      user.setFirstName("Stray");
      user.setLastName("Partner (test)");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(stray, "partners-LB");
    }
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");

    // Through our API: a clear 403.
    ObjectNode body = json.createObjectNode();
    body.put("title", "Learning kits");
    ObjectNode line = body.putArray("activities").addObject();
    line.put("activity", "TEMPORARY_LEARNING_SPACES");
    line.put("budgetUsd", 250000);
    body.putArray("locations").add("Beirut");
    ObjectNode people = body.putObject("peopleTargeted");
    for (String field : List.of("girls", "boys", "femaleTeachers", "maleTeachers",
        "withDisabilities")) {
      people.put(field, 10);
    }
    body.put("durationMonths", 6);
    var refused = http.post("/api/appeals/" + appeal.getId() + "/projects", stray,
        body.toString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).get("detail").asText())
        .contains("no partner organisation registered for LB");

    // Through the engine's REST API, as Tasklist submits the form: refused the same way.
    Task submit = scenario.task(appeal, "Task_SubmitProject");
    var viaTasklist = http.post("/engine-rest/task/" + submit.getId() + "/submit-form", stray,
        revisedForm("Learning kits"));
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(403);
    assertThat(viaTasklist.body()).contains("no partner organisation registered for LB");
    assertThat(scenario.variable(appeal, "projects")).isNull();

    // A registered organisation's user may not submit under another organisation's name.
    body.put("partnerOrganisation", "NRC");
    var otherName = http.post("/api/appeals/" + appeal.getId() + "/projects", "partner.lb",
        body.toString());
    assertThat(otherName.statusCode()).as(otherName.body()).isEqualTo(400);
    assertThat(json.readTree(otherName.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("partnerOrganisation");
    body.remove("partnerOrganisation");
    var own = http.post("/api/appeals/" + appeal.getId() + "/projects", "partner2.lb",
        body.toString());
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(projects(appeal)).extracting(PartnerProject::partnerOrganisationId)
        .containsExactly("partner-LB-nrc");
  }

  private List<PartnerProject> projects(ProcessInstance appeal) {
    return ((PartnerProjects) scenario.variable(appeal, "projects")).projects();
  }

  private List<String> taskIds(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).findValuesAsText("id");
  }

  /** The revision (or submission) form as Tasklist submits it. */
  private String revisedForm(String title) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("projectTitle", title);
    values.put("budgetTemporaryLearningSpaces", 180000);
    values.put("locations", "Beirut");
    values.put("girls", 1200);
    values.put("boys", 1100);
    values.put("femaleTeachers", 40);
    values.put("maleTeachers", 20);
    values.put("withDisabilities", 150);
    values.put("durationMonths", 6);
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).set("value",
        json.valueToTree(value)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }
}
