package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.variables.JsonVariables.json;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** Records the response plan and opens the call for partner projects until its deadline. */
@Component
class RecordResponsePlan extends TaskCompletion {

  static final List<String> FORM_FIELDS = java.util.stream.Stream.concat(Stream.of(
      "objectives", "priorityActivities", "targetGirls", "targetBoys", "targetFemaleTeachers",
      "targetMaleTeachers", "targetWithDisabilities", "indicativeRequirementUsd"),
      Arrays.stream(PriorityActivity.values()).flatMap(a -> Stream.of(a.indicatorField(),
          a.targetField(), a.requirementField()))).toList();

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordResponsePlan(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PlannedResponse plan = inputs.plan(submittedForm(execution), user.recordedId());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(RESPONSE_PLAN, json(plan));
    execution.setVariable(SUBMISSION_DEADLINE,
        Date.from(OffsetDateTime.parse(plan.submissionDeadline()).toInstant()));
  }
}
