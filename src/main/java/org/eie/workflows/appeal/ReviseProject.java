package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.appeal.AppealVariables.json;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A project returned for revision: the partner finds the form filled with the project as it
 * stands and the panel's comment, and the resubmission goes back to vetting as the next revision.
 */
@Component
class ReviseProject extends TaskCompletion implements TaskListener {

  private final AppealInputs inputs;
  private final CurrentUser user;

  ReviseProject(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    PartnerProjects projects = (PartnerProjects) task.getVariable(PROJECTS);
    PartnerProject project = projects.get((String) task.getVariable(PROJECT_ID));
    prefill(task.getExecution(), project);
    task.setDescription(project.id() + ": " + project.title() + " - returned: "
        + project.lastVetting().comment());
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PartnerProjects projects = (PartnerProjects) execution.getVariable(PROJECTS);
    PartnerProject project = projects.get((String) execution.getVariable(PROJECT_ID));
    PartnerProject draft = inputs.project(execution.getVariables(), user.id());
    execution.removeVariables(RecordPartnerProject.FORM_FIELDS);
    execution.removeVariableLocal("projectSummary");
    execution.setVariable(PROJECTS, json(projects.with(project.revisedAs(draft))));
  }

  private static void prefill(DelegateExecution scope, PartnerProject project) {
    scope.setVariableLocal("projectSummary", ProjectText.of(project));
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
  }
}
