package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.RETURNED_PROJECT;
import static org.eie.workflows.appeal.AppealVariables.SUBMITTED_PROJECT;
import static org.eie.workflows.appeal.AppealVariables.VETTING_COMMENT;
import static org.eie.workflows.appeal.AppealVariables.handedOver;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PriorityActivity;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * A project returned for revision, in the partner's own sub-instance
 * ({@code appealProjectRevision}, which receives only that project, its summary and the panel's
 * comment): the partner finds the form filled with the project as it stands, and the checked
 * resubmission goes back to the appeal as {@code submittedProject}, where
 * {@link ResubmitProject} records it as the next revision, still for the organisation that
 * submitted it. Only that organisation's users may resubmit (the task's candidate group is its
 * group).
 */
@Component
class ReviseProject extends TaskCompletion implements TaskListener {

  private final AppealInputs inputs;
  private final CurrentUser user;
  private final SubmittingOrganisation organisations;

  ReviseProject(AppealInputs inputs, CurrentUser user, SubmittingOrganisation organisations) {
    this.inputs = inputs;
    this.user = user;
    this.organisations = organisations;
  }

  @Override
  public void notify(DelegateTask task) {
    PartnerProject project = JsonVariables.read(task, RETURNED_PROJECT, PartnerProject.class);
    prefill(task.getExecution(), project);
    task.setDescription(project.id() + ": " + project.title() + " - returned: "
        + task.getVariable(VETTING_COMMENT));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    organisations.requireMemberOf(
        JsonVariables.read(execution, RETURNED_PROJECT, PartnerProject.class));
    PartnerProject draft = inputs.project(submittedForm(execution), user.recordedId(),
        RecordPartnerProject.affectedAreas(
            execution.getVariable(RecordPartnerProject.AFFECTED_AREAS)),
        AppealType.of(execution.getVariable(AppealVariables.APPEAL_TYPE)));
    execution.setVariable(SUBMITTED_PROJECT, handedOver(draft));
  }

  private static void prefill(DelegateExecution scope, PartnerProject project) {
    scope.setVariableLocal("partnerOrganisation", project.partner());
    scope.setVariableLocal("projectTitle", project.title());
    for (PriorityActivity activity : PriorityActivity.values()) {
      scope.setVariableLocal(activity.budgetField(), project.activities().stream()
          .filter(a -> a.activity().equals(activity.name())).findFirst()
          .map(a -> a.budgetUsd().doubleValue()).orElse(null));
    }
    scope.setVariableLocal("locations", project.locations().stream()
        .collect(Collectors.joining("\n")));
    scope.setVariableLocal("girls", project.targeted().girls());
    scope.setVariableLocal("boys", project.targeted().boys());
    scope.setVariableLocal("femaleTeachers", project.targeted().femaleTeachers());
    scope.setVariableLocal("maleTeachers", project.targeted().maleTeachers());
    scope.setVariableLocal("withDisabilities", project.targeted().withDisabilities());
    scope.setVariableLocal("durationMonths", (long) project.durationMonths());
    scope.setVariableLocal(AppealInputs.IMPLEMENTING_PARTNERS,
        String.join("\n", project.implementingPartners()));
  }
}
