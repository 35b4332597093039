package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rapid needs assessment, on the engine without Spring: it opens with the trigger's affected
 * areas filled in, is recorded as one typed variable with who and when (none of its fields left
 * loose), and refuses figures that contradict each other.
 */
@Tag("fast")
@ExtendWith(AtTheScenariosTime.class)
class RecordNeedsAssessmentTest {

  static final String KEY = "recordNeedsAssessmentTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordNeedsAssessment",
        new RecordNeedsAssessment(RecordActivationTest.INPUTS, InMemoryEngine.currentUser())));
    InMemoryEngine.oneTask(KEY, "Task_RapidNeedsAssessment").transientForm()
        .taskListener("create", "recordNeedsAssessment").endListener("recordNeedsAssessment")
        .deploy();
  }

  @Test
  void theFormOpensWithTheTriggersAffectedAreas() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    assertThat(InMemoryEngine.engine().getTaskService().getVariable(task(appeal).getId(),
        "assessedAreas")).isEqualTo("Beirut\nبرج حمود\nMount Lebanon");
  }

  @Test
  void theAssessmentIsRecordedAsOneVariableWithWhoAndWhen() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    submit(appeal, AppealScenario.assessment(), "lb.unicef", "coleads-LB");

    var assessment = (NeedsAssessment) recorded(appeal, "needsAssessment");
    assertThat(assessment.girlsInNeed()).isEqualTo(60000);
    assertThat(assessment.boysInNeed()).isEqualTo(55000);
    assertThat(assessment.hostCommunityInNeed()).isNull();
    assertThat(assessment.affectedAreas()).containsExactly("Beirut", "برج حمود",
        "Mount Lebanon");
    assertThat(assessment.dataGaps())
        .containsExactly("Teachers affected in Mount Lebanon not yet counted");
    assertThat(assessment.assessedBy()).isEqualTo("lb.unicef");
    assertThat(assessment.assessedAt()).isEqualTo("2026-11-20T12:00Z");
    assertThat(InMemoryEngine.recordedNames(appeal))
        .doesNotContainAnyElementsOf(RecordNeedsAssessment.FORM_FIELDS);
  }

  @Test
  void moreChildrenWithDisabilitiesThanChildrenInNeedIsRefused() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);
    var form = AppealScenario.assessment();
    form.put("withDisabilitiesInNeed", 115001L);

    assertThatThrownBy(() -> submit(appeal, form, "lb.unicef", "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("withDisabilitiesInNeed"));
    assertThat(recorded(appeal, "needsAssessment")).isNull();
  }

  @Test
  void everyMissingRequiredFigureIsNamed() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);
    var form = AppealScenario.assessment();
    form.remove("girlsInNeed");
    form.remove("teachersAffected");

    assertThatThrownBy(() -> submit(appeal, form, "lb.unicef", "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(e -> e.field()).containsExactly("girlsInNeed", "teachersAffected"));
  }

  @Test
  void aCancelledTaskRecordsNothing() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    cancel(appeal);

    assertThat(recorded(appeal, "needsAssessment")).isNull();
  }
}
