package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eie.workflows.forms.FormTranslations;
import org.eie.workflows.security.AnswerRewriter.DeployedForms;
import org.eie.workflows.security.AnswerRewriter.TaskListNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which rewriter answers which engine request in the reader's language, on both engine APIs,
 * without an application: the forms' texts on the deployed forms, the names on what Tasklist
 * lists and opens, nothing on any other route (those answers pass unbuffered).
 */
@Tag("fast")
class AnswersInTheirLanguageTest {

  /** The engine's two roots: the REST API (with and without an engine's name) and the webapps'. */
  private static final List<String> ROOTS = List.of("/engine-rest", "/engine-rest/engine/default",
      "/camunda/api/engine/engine/default");

  // Choosing a rewriter reads only the method and the route: no reader's language, no wording.
  private final AnswersInTheirLanguage filter = new AnswersInTheirLanguage(null, List.of(
      new DeployedForms(FormTranslations.of(Map.of())), new TaskListNames(null)));

  @Test
  void theDeployedFormsAreReadInTheReadersLanguage() {
    for (String route : List.of("/task/t1/deployed-form",
        "/process-definition/appeal:1:42/deployed-start-form",
        "/process-definition/key/emergencyFundingAppeal/deployed-start-form",
        "/process-definition/key/emergencyFundingAppeal/tenant-id/lebanon/deployed-start-form")) {
      assertThat(rewriterOf("GET", route)).as(route).containsInstanceOf(DeployedForms.class);
      assertThat(rewriterOf("POST", route)).as("POST " + route).isEmpty();
    }
  }

  @Test
  void whatTasklistListsAndOpensIsNamedInTheReadersLanguage() {
    String[][] reads = {
        {"GET", "/task"}, {"POST", "/task"}, {"GET", "/task/t1"}, {"GET", "/task/t1/"},
        {"GET", "/filter"}, {"GET", "/filter/f1"},
        {"GET", "/filter/f1/list"}, {"POST", "/filter/f1/list"},
        {"GET", "/filter/f1/singleResult"}, {"POST", "/filter/f1/singleResult"},
        {"GET", "/process-definition"}, {"GET", "/process-definition/appeal:1:42"},
    };
    for (String[] read : reads) {
      assertThat(rewriterOf(read[0], read[1])).as(read[0] + " " + read[1])
          .containsInstanceOf(TaskListNames.class);
    }
  }

  @Test
  void everyOtherAnswerPassesAsTheEngineWroteIt() {
    String[][] others = {
        {"GET", "/task/count"}, {"POST", "/task/count"}, {"POST", "/task/t1/complete"},
        {"POST", "/task/t1/submit-form"}, {"GET", "/task/t1/form-variables"},
        {"PUT", "/task/t1"}, {"DELETE", "/filter/f1"}, {"POST", "/filter/create"},
        {"GET", "/filter/f1/count"}, {"GET", "/process-definition/key/emergencyFundingAppeal"},
        {"POST", "/process-definition/key/emergencyFundingAppeal/start"},
        {"GET", "/process-instance"}, {"GET", "/history/task"},
        {"GET", "/task/t1/deployed-form/extra"},
    };
    for (String[] other : others) {
      assertThat(rewriterOf(other[0], other[1])).as(other[0] + " " + other[1]).isEmpty();
    }
    assertThat(filter.rewriterFor("GET", "/api/dashboard/task")).isEmpty();
    assertThat(filter.rewriterFor("GET", "/camunda/api/tasklist/task")).isEmpty();
  }

  /** The rewriter of {@code route} below every engine root; the same below each. */
  private Optional<AnswerRewriter> rewriterOf(String method, String route) {
    Optional<AnswerRewriter> first = filter.rewriterFor(method, ROOTS.get(0) + route);
    for (String root : ROOTS) {
      assertThat(filter.rewriterFor(method, root + route)).as(root + route).isEqualTo(first);
    }
    return first;
  }
}
