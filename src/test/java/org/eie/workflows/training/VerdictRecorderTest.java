package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.TaskCompletion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a reviewer's yes-or-back verdict records, on the engine without Spring: yes is the boolean
 * the gateway after the task reads, "back" needs a comment saying what to change, no verdict is
 * refused, and a cancelled review records nothing. Each recorder of such a verdict has a test
 * class naming its task, fields and reviewer.
 */
@Tag("fast")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one deployment per class
abstract class VerdictRecorderTest {

  private final String key;
  private final String verdict;
  private final String comment;
  private final Map<String, Object> startVariables;
  private final String reviewer;
  private final String group;

  VerdictRecorderTest(String bean, TaskCompletion recorder, String taskId, String verdict,
      String comment, Map<String, Object> startVariables, String reviewer, String group) {
    this.key = bean + "Test";
    this.verdict = verdict;
    this.comment = comment;
    this.startVariables = startVariables;
    this.reviewer = reviewer;
    this.group = group;
    InMemoryEngine.with(Map.of(bean, recorder));
    InMemoryEngine.oneTask(key, taskId).endListener(bean).deploy();
  }

  private void submitAsReviewer(ProcessInstance review, Map<String, Object> form) {
    submit(review, form, reviewer, group);
  }

  @Test
  void yesIsRecordedAsTheBooleanTheGatewayReads() {
    ProcessInstance review = start(key, startVariables);

    submitAsReviewer(review, Map.of(verdict, "true"));

    assertThat(recorded(review, verdict)).isEqualTo(Boolean.TRUE);
  }

  @Test
  void sentBackWithWhatToChangeIsRecordedAsNo() {
    ProcessInstance review = start(key, startVariables);

    submitAsReviewer(review, Map.of(verdict, false, comment, "Cite Standard 2 on protection"));

    assertThat(recorded(review, verdict)).isEqualTo(Boolean.FALSE);
  }

  @Test
  void sentBackWithoutACommentIsRefused() {
    ProcessInstance review = start(key, startVariables);

    assertThatThrownBy(() -> submitAsReviewer(review, Map.of(verdict, "false")))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo(comment));
    assertThat(recorded(review, verdict)).isNull();
  }

  @Test
  void noVerdictIsRefused() {
    ProcessInstance review = start(key, startVariables);

    assertThatThrownBy(() -> submitAsReviewer(review, Map.of(comment, "Fine")))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo(verdict));
  }

  @Test
  void aCancelledReviewRecordsNothing() {
    ProcessInstance review = start(key, startVariables);

    cancel(review);

    assertThat(recorded(review, verdict)).isNull();
  }
}
