package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.submit;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The response plan, on the engine without Spring: recorded with its activities' plans, and its
 * submission deadline set as the date the call for projects closes at; a deadline already passed
 * or activities that need more than the plan's requirement are refused.
 */
@Tag("fast")
@ExtendWith(AtTheScenariosTime.class)
class RecordResponsePlanTest {

  static final String KEY = "recordResponsePlanTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordResponsePlan",
        new RecordResponsePlan(RecordActivationTest.INPUTS, InMemoryEngine.currentUser())));
    InMemoryEngine.oneTask(KEY, "Task_DraftResponsePlan").transientForm()
        .endListener("recordResponsePlan").deploy();
  }

  @Test
  void thePlanIsRecordedAndTheCallClosesAtItsDeadline() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    submit(appeal, AppealScenario.plan("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT"),
        "lb.unicef", "coleads-LB");

    var plan = (PlannedResponse) recorded(appeal, "responsePlan");
    assertThat(plan.priorityActivities())
        .containsExactly("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    assertThat(plan.indicativeRequirementUsd()).isEqualByComparingTo("5000000");
    assertThat(plan.activityPlans()).extracting(PlannedResponse.ActivityPlan::activity)
        .containsExactly("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    assertThat(plan.draftedBy()).isEqualTo("lb.unicef");
    assertThat(recorded(appeal, "submissionDeadline"))
        .isEqualTo(Date.from(AppealScenario.SUBMISSION_DEADLINE));
    assertThat(InMemoryEngine.recordedNames(appeal))
        .doesNotContainAnyElementsOf(RecordResponsePlan.FORM_FIELDS);
  }

  @Test
  void aDeadlineAlreadyPassedIsRefused() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);
    var form = AppealScenario.plan("TEMPORARY_LEARNING_SPACES");
    form.put("submissionDeadline", AppealScenario.NOW.minusSeconds(60).toString());

    assertThatThrownBy(() -> submit(appeal, form, "lb.unicef", "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("submissionDeadline"));
    assertThat(recorded(appeal, "responsePlan")).isNull();
  }

  @Test
  void activitiesNeedingMoreThanThePlansRequirementAreRefused() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);
    var form = AppealScenario.plan("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    form.put("indicativeRequirementUsd", 3000000.0);

    assertThatThrownBy(() -> submit(appeal, form, "lb.unicef", "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("indicativeRequirementUsd");
          assertThat(refused.getMessage())
              .contains(new BigDecimal("3500000").toPlainString());
        });
  }

  @Test
  void anActivityThatIsNotAPriorityActivityIsRefused() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    assertThatThrownBy(() -> submit(appeal, AppealScenario.plan("SCHOOL_FEEDING"), "lb.unicef",
        "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("priorityActivities");
          assertThat(refused.getMessage()).contains("'SCHOOL_FEEDING' is not a priority activity");
        });
  }

  @Test
  void aCancelledTaskOpensNoCall() {
    ProcessInstance appeal = RecordActivationTest.appeal(KEY);

    cancel(appeal);

    assertThat(recorded(appeal, "responsePlan")).isNull();
    assertThat(recorded(appeal, "submissionDeadline")).isNull();
  }
}
