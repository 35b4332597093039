package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.appeal.AppealVariables.VETTING_DECISION;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.appeal.Vetting;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.tasklist.Figures;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * One vetting task per project: shows the project, takes the panel's scorecard, decision and
 * comment, and records them in the project's history with its new status.
 */
@Component
class VetPartnerProject extends TaskCompletion implements TaskListener {

  static final List<String> FORM_FIELDS = List.of("strategicRelevance", "programmaticRelevance",
      "costEffectiveness", "managementAndMonitoring", "accountability", VETTING_DECISION,
      "vettingComment");
  static final Map<String, ProjectStatus> OUTCOMES = Map.of("ACCEPT", ProjectStatus.ACCEPTED,
      "RETURN", ProjectStatus.RETURNED, "REJECT", ProjectStatus.REJECTED);

  private final AppealInputs inputs;
  private final CurrentUser user;

  VetPartnerProject(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    PartnerProjects projects = JsonVariables.read(task, PROJECTS, PartnerProjects.class);
    PartnerProject project = projects.get((String) task.getVariable(PROJECT_ID));
    var scope = task.getExecution();
    scope.setVariableLocal("projectSummary", ProjectText.withoutBudgetLines(project));
    scope.setVariableLocal("budgetLines", JsonVariables.forForm(budgetLines(project)));
  }

  /** The project's budget lines as rows of the vetting form's table, formatted for people. */
  static List<BudgetLine> budgetLines(PartnerProject project) {
    List<BudgetLine> rows = new ArrayList<>();
    project.activities().forEach(line -> rows.add(new BudgetLine(Figures.label(line.activity()),
        Figures.usd(line.budgetUsd()))));
    rows.add(new BudgetLine("Total", Figures.usd(project.budgetUsd())));
    return rows;
  }

  /** A row of the vetting form's budget table, its columns' keys. */
  record BudgetLine(String activity, String budget) {
  }

  @Override
  protected void completed(DelegateExecution execution) {
    PartnerProjects projects = JsonVariables.read(execution, PROJECTS, PartnerProjects.class);
    PartnerProject project = projects.get((String) execution.getVariable(PROJECT_ID));
    Vetting vetting = inputs.vetting(submittedForm(execution), user.recordedId());
    execution.setVariable(PROJECTS,
        json(projects.with(project.vetted(vetting, OUTCOMES.get(vetting.decision())))));
    // The decision stays with this project's vetting for the gateway; the form itself is recorded.
    execution.removeVariables(FORM_FIELDS);
    execution.setVariableLocal(VETTING_DECISION, vetting.decision());
  }
}
