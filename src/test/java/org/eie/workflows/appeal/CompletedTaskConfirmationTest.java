package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * GET /api/me/completed-tasks/{taskId}: the user who completed a task is told what happens next
 * (and a partner the reference of the project just submitted), in their language; to anyone
 * else, and for a task still open, the id answers 404 as an unknown one does.
 */
class CompletedTaskConfirmationTest extends AppealHttpTest {

  static final String COMPLETED = "/api/me/completed-tasks/";

  @Test
  void whoeverCompletedASubmissionLearnsWhatHappensNextAndTheProjectsReference()
      throws IOException {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String task = scenario.task(appeal, "Task_SubmitProject").getId();
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", project("Confirmed kits",
        "Beirut", Map.of("budgetTemporaryLearningSpaces", 25000.0)));
    String reference = projects(appeal).get(0).id();

    HttpResponse<String> answer = http.get(COMPLETED + task, "partner.lb");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode confirmation = json.readTree(answer.body());
    assertThat(confirmation.get("taskId").asText()).isEqualTo(task);
    assertThat(confirmation.get("heading").asText()).isEqualTo("Done: your task is completed");
    assertThat(confirmation.get("next").asText()).startsWith("Your project is submitted.");
    assertThat(confirmation.get("reference").asText()).isEqualTo("Your project's reference: "
        + reference + " (appeal " + appeal.getBusinessKey() + ")");
    assertThat(confirmation.get("direction").asText()).isEqualTo("ltr");

    JsonNode arabic = json.readTree(http.get(COMPLETED + task + "?lang=ar", "partner.lb").body());
    assertThat(arabic.get("language").asText()).isEqualTo("ar");
    assertThat(arabic.get("direction").asText()).isEqualTo("rtl");
    assertThat(arabic.get("heading").asText()).isNotEqualTo(confirmation.get("heading").asText());
    assertThat(arabic.get("reference").asText()).contains(reference);

    // Nobody else learns anything of it: not the other organisation, the co-leads, the admin.
    HttpResponse<String> unknown = http.get(COMPLETED + "no-such-task", "partner.lb");
    assertThat(unknown.statusCode()).isEqualTo(404);
    for (String other : List.of("partner2.lb", "lb.unicef", "partner.co", "admin")) {
      HttpResponse<String> refused = http.get(COMPLETED + task, other);
      assertThat(refused.statusCode()).as(other + ": " + refused.body()).isEqualTo(404);
      assertThat(refused.body()).doesNotContain(reference, "Confirmed kits",
          appeal.getBusinessKey());
      assertThat(json.readTree(refused.body()).get("detail").asText().replace(task, "ID"))
          .isEqualTo(json.readTree(unknown.body()).get("detail").asText()
              .replace("no-such-task", "ID"));
    }
    assertThat(http.get(COMPLETED + task, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aTaskStillOpenHasNoConfirmationEvenForItsCandidates() throws IOException {
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String open = scenario.task(appeal, "Task_SubmitProject").getId();
    HttpResponse<String> answer = http.get(COMPLETED + open, "partner.lb");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);

    // A co-lead's own completed task: what happens next, with no project reference.
    ProcessInstance started = scenario.start();
    String activation = scenario.task(started, "Task_ConfirmActivation").getId();
    scenario.submit("lb.unicef", started, "Task_ConfirmActivation", AppealScenario.go());
    JsonNode done = json.readTree(http.get(COMPLETED + activation + "?lang=fr", "lb.unicef")
        .body());
    assertThat(done.get("language").asText()).isEqualTo("fr");
    assertThat(done.get("next").asText()).isNotBlank();
    assertThat(done.has("reference")).as(done.toString()).isFalse();
    assertThat(http.get(COMPLETED + activation, "lb.savethechildren").statusCode())
        .isEqualTo(404);
  }

  private List<PartnerProject> projects(ProcessInstance appeal) {
    return ((PartnerProjects) scenario.variable(appeal, "projects")).projects();
  }
}
