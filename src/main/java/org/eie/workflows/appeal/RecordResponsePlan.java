package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.json;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the response plan and opens the call for partner projects until its deadline. */
@Component
class RecordResponsePlan extends TaskCompletion {

  static final List<String> FORM_FIELDS = List.of("objectives", "priorityActivities",
      "targetGirls", "targetBoys", "targetFemaleTeachers", "targetMaleTeachers",
      "targetWithDisabilities", "indicativeRequirementUsd");

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordResponsePlan(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PlannedResponse plan = inputs.plan(submittedForm(execution), user.id());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(RESPONSE_PLAN, json(plan));
    execution.setVariable(SUBMISSION_DEADLINE,
        Date.from(OffsetDateTime.parse(plan.submissionDeadline()).toInstant()));
  }
}
