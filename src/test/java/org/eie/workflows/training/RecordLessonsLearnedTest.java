package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Secretariat's lessons learned, a section of the rollout report: required. */
@Tag("fast")
class RecordLessonsLearnedTest {

  static final String KEY = "recordLessonsLearnedTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.with(Map.of("recordLessonsLearned", new RecordLessonsLearned()));
    InMemoryEngine.oneTask(KEY, "Task_RecordLessonsLearned").endListener("recordLessonsLearned")
        .deploy();
  }

  @Test
  void theLessonsAreKeptForTheReport() {
    ProcessInstance rollout = start(KEY, Map.of());

    InMemoryEngine.complete(rollout, Map.of("lessonsLearned", "Translate before the ToT"),
        "secretariat", "inee-secretariat");

    assertThat(recorded(rollout, "lessonsLearned")).isEqualTo("Translate before the ToT");
  }

  @Test
  void blankLessonsAreRefusedAndTheTaskStaysOpen() {
    ProcessInstance rollout = start(KEY, Map.of());

    assertThatThrownBy(() -> submit(rollout, Map.of("lessonsLearned", "  "), "secretariat",
        "inee-secretariat"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("lessonsLearned"));
    assertThat(task(rollout)).isNotNull();
  }
}
