package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.assessment;
import static org.eie.workflows.appeal.AppealScenario.go;
import static org.eie.workflows.appeal.AppealScenario.plan;
import static org.eie.workflows.appeal.AppealScenario.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * GET /api/partners/me/projects[/{appealId}]: a partner reads its own organisation's projects,
 * with reference and status, and nothing of another organisation's or another country's. Another
 * country's appeal answers 404 exactly as an unknown id does; a user who is no partner gets 403.
 */
class OwnProjectsApiTest extends AppealHttpTest {

  static final String OWN = "/api/partners/me/projects";

  @Test
  void aPartnerReadsItsOwnOrganisationsProjectsAndNoneOfAnothersOrAnotherCountrys()
      throws IOException {
    ProcessInstance beirut = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String lea = "Own LEA kits " + System.nanoTime();
    String nrc = "Own NRC counselling " + System.nanoTime();
    String cesf = "Own CESF classrooms " + System.nanoTime();
    scenario.submit("partner.lb", beirut, "Task_SubmitProject", project(lea, "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 25000.0)));
    scenario.submit("partner2.lb", beirut, "Task_SubmitProject", project(nrc, "Mount Lebanon",
        Map.of("budgetTemporaryLearningSpaces", 18000.0)));
    ProcessInstance colombia = colombianCall();
    scenario.submit("partner.co", colombia, "Task_SubmitProject", project(cesf, "Cúcuta",
        Map.of("budgetTemporaryLearningSpaces", 30000.0)));

    JsonNode leaProjects = ok(OWN, "partner.lb");
    assertThat(titles(leaProjects)).contains(lea).doesNotContain(nrc, cesf);
    assertThat(leaProjects).allSatisfy(project -> {
      assertThat(project.get("organisation").asText()).isEqualTo("Lebanese Education Association");
      assertThat(project.get("submittedBy").asText()).isEqualTo("partner.lb");
    });
    JsonNode own = byTitle(leaProjects, lea);
    assertThat(own.get("reference").asText()).matches("LB-EDU-\\d{3}");
    assertThat(own.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(own.get("appealId").asText()).isEqualTo(beirut.getId());
    assertThat(own.get("appeal").asText()).isEqualTo(beirut.getBusinessKey());

    assertThat(titles(ok(OWN, "partner2.lb"))).contains(nrc).doesNotContain(lea, cesf);
    assertThat(titles(ok(OWN, "partner.co"))).contains(cesf).doesNotContain(lea, nrc);

    // One appeal: only the caller's organisation's projects in it.
    assertThat(titles(ok(OWN + "/" + beirut.getId(), "partner.lb"))).containsExactly(lea);
    assertThat(titles(ok(OWN + "/" + beirut.getId(), "partner2.lb"))).containsExactly(nrc);
    assertThat(titles(ok(OWN + "/" + colombia.getId(), "partner.co"))).containsExactly(cesf);
  }

  @Test
  void anotherCountrysAppealAnswersAsAnUnknownIdAndANonPartnerIsRefused() throws IOException {
    ProcessInstance beirut = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String lea = "Hidden LEA kits " + System.nanoTime();
    scenario.submit("partner.lb", beirut, "Task_SubmitProject", project(lea, "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 25000.0)));

    HttpResponse<String> otherCountry = http.get(OWN + "/" + beirut.getId(), "partner.co");
    HttpResponse<String> unknown = http.get(OWN + "/no-such-appeal", "partner.co");
    assertThat(otherCountry.statusCode()).as(otherCountry.body()).isEqualTo(404);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(otherCountry.body()).doesNotContain(lea, "Lebanese Education Association",
        beirut.getBusinessKey());
    // Alike but for the id the caller sent: nothing tells an existing appeal apart.
    assertThat(problem(otherCountry).replace(beirut.getId(), "ID"))
        .isEqualTo(problem(unknown).replace("no-such-appeal", "ID"));
    // Another organisation of the same country, with no project in the appeal: the same 404.
    HttpResponse<String> otherOrganisation = http.get(OWN + "/" + beirut.getId(), "partner2.lb");
    assertThat(otherOrganisation.statusCode()).isEqualTo(404);
    assertThat(otherOrganisation.body()).doesNotContain(lea);

    for (String notAPartner : List.of("lb.unicef", "gec.unicef")) {
      for (String path : List.of(OWN, OWN + "/" + beirut.getId())) {
        HttpResponse<String> refused = http.get(path, notAPartner);
        assertThat(refused.statusCode()).as(notAPartner + " " + path).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).doesNotContain(lea);
      }
    }
    assertThat(http.get(OWN, null).statusCode()).isEqualTo(401);
  }

  /** A Colombian appeal up to its open call, by Colombia's co-leads. */
  private ProcessInstance colombianCall() {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("country", "CO");
    trigger.put("emergencyType", "Floods");
    trigger.put("affectedAreas", "Cúcuta");
    ProcessInstance appeal = scenario.start("co.unicef", trigger);
    scenario.submit("co.unicef", appeal, "Task_ConfirmActivation", go());
    scenario.submit("co.savethechildren", appeal, "Task_RapidNeedsAssessment", assessment());
    scenario.submit("co.unicef", appeal, "Task_DraftResponsePlan",
        plan("TEMPORARY_LEARNING_SPACES"));
    return appeal;
  }

  private JsonNode ok(String path, String user) throws IOException {
    HttpResponse<String> answer = http.get(path, user);
    assertThat(answer.statusCode()).as(user + " " + path + ": " + answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  /** The problem's status, title and detail. */
  private String problem(HttpResponse<String> answer) throws IOException {
    JsonNode problem = json.readTree(answer.body());
    return problem.get("status") + " " + problem.get("title") + " " + problem.get("detail");
  }

  private static List<String> titles(JsonNode projects) {
    List<String> titles = new ArrayList<>();
    projects.forEach(project -> titles.add(project.get("title").asText()));
    return titles;
  }

  private static JsonNode byTitle(JsonNode projects, String title) {
    for (JsonNode project : projects) {
      if (title.equals(project.get("title").asText())) {
        return project;
      }
    }
    throw new AssertionError("No project " + title + " in " + projects);
  }
}
