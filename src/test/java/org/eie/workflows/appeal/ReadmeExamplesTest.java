package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.clock;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.appeal.ReadmeExamples.Example;
import org.junit.jupiter.api.Test;

/**
 * The README's requests, as written there, against the running application: start an appeal,
 * submit a project, register a donor, record and change a pledge, read the coverage, request a
 * revision. Only the placeholders ({@code {id}}, {@code {donorId}}, …) are filled in, and the
 * donor's e-mail is made unique for the test database other tests share; the steps the README
 * leaves to Tasklist (activation, assessment, plan, vetting, sign-offs) are done as there.
 */
class ReadmeExamplesTest extends AppealHttpTest {

  @Test
  void theReadmesRequestsRunAsWritten() throws IOException {
    // The README's onset is 18:08 in Beirut (16:08 UTC) on 20 November 2026.
    clock(Instant.parse("2026-11-20T18:00:00Z"));
    List<Example> readme = new ArrayList<>();
    try (var pages = Files.list(Path.of("docs"))) {
      for (Path page : Stream.concat(Stream.of(Path.of("README.md")),
          pages.filter(p -> p.toString().endsWith(".md")).sorted()).toList()) {
        readme.addAll(ReadmeExamples.read(page));
      }
    }

    JsonNode started = sent(ReadmeExamples.find(readme, "POST", "/api/appeals"), Map.of(), 201);
    String id = started.get("id").asText();
    ProcessInstance appeal = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(id).singleResult();
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", AppealScenario.go());
    Map<String, Object> assessment = AppealScenario.assessment();
    assessment.put("assessedAreas", "Beirut\nبرج حمود");
    scenario.submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment", assessment);
    scenario.submit("lb.unicef", appeal, "Task_DraftResponsePlan",
        AppealScenario.plan("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT"));

    JsonNode project = sent(ReadmeExamples.find(readme, "POST", "/api/appeals/{id}/projects"),
        Map.of("{id}", id), 201);
    assertThat(project.get("projectId").asText()).startsWith("LB-EDU-");
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);
    // The document's name tells this appeal from another of Lebanon on the same day.
    var document = http.getBytes("/api/appeals/" + id + "/document", "lb.unicef");
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.headers().firstValue("Content-Disposition").orElseThrow())
        .contains(appeal.getBusinessKey().substring("APPEAL-".length()) + "-v1");

    String email = "readme-" + UUID.randomUUID() + "@example.org";
    JsonNode donor = sent(ReadmeExamples.find(readme, "POST", "/api/donors"),
        Map.of("donor@example.org", email), 201);
    String donorId = donor.get("id").asText();

    Map<String, String> pledgeValues = Map.of("{donorId}", donorId, "{appealId}", id);
    JsonNode pledge = sent(ReadmeExamples.find(readme, "POST", "/api/pledges"), pledgeValues, 201);
    // Earmarked by the name the PDF prints, recorded by the activity's code.
    assertThat(pledge.get("activity").asText()).isEqualTo("TEMPORARY_LEARNING_SPACES");
    sent(ReadmeExamples.find(readme, "PUT", "/api/pledges/{pledgeId}"),
        Map.of("{pledgeId}", pledge.get("id").asText(), "{donorId}", donorId), 200);
    JsonNode coverage = sent(ReadmeExamples.find(readme, "GET",
        "/api/appeal-coverage/{appealId}"), pledgeValues, 200);
    assertThat(coverage.get("fundedUsd").decimalValue()).isEqualByComparingTo("250000");

    sent(ReadmeExamples.find(readme, "POST", "/api/appeals/{id}/revision"), Map.of("{id}", id),
        200);
    scenario.asSystem();
    BpmnAwareTests.assertThat(appeal).isWaitingAt("Task_ReviseAppeal");
  }

  @Test
  void theExamplesAreReadAsTheShellReadsThem() {
    var commands = ReadmeExamples.commands("""
        curl -u a:demo -H 'Content-Type: application/json' http://localhost:8080/api/x -d '{
          "b": "c d"}'   # a comment
        # a line of comment
        java -Dx=y \\
             -jar z.jar
        """);
    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).containsExactly("curl", "-u", "a:demo", "-H",
        "Content-Type: application/json", "http://localhost:8080/api/x", "-d",
        "{\n  \"b\": \"c d\"}");
    assertThat(commands.get(1)).containsExactly("java", "-Dx=y", "-jar", "z.jar");
  }

  private JsonNode sent(Example example, Map<String, String> values, int status)
      throws IOException {
    Example request = example.with(values);
    HttpResponse<String> response = switch (request.method()) {
      case "GET" -> http.get(request.path(), request.user());
      case "POST" -> http.post(request.path(), request.user(), request.body());
      case "PUT" -> http.put(request.path(), request.user(), request.body());
      default -> throw new AssertionError("No example method " + request.method());
    };
    assertThat(response.statusCode()).as(request + " answered " + response.body())
        .isEqualTo(status);
    return json.readTree(response.body());
  }
}
