package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.appeal.AppealVariables.SUBMITTED_PROJECT;
import static org.eie.workflows.variables.JsonVariables.json;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Back in the appeal, as a revision sub-instance ends: the project under vetting becomes its
 * next revision, with the values the partner resubmitted, and goes back to the panel.
 */
@Component
class ResubmitProject extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    PartnerProject draft = JsonVariables.read(execution, SUBMITTED_PROJECT, PartnerProject.class);
    execution.removeVariable(SUBMITTED_PROJECT);
    PartnerProjects projects = JsonVariables.read(execution, PROJECTS, PartnerProjects.class);
    PartnerProject project = projects.get((String) execution.getVariable(PROJECT_ID));
    execution.setVariable(PROJECTS, json(projects.with(project.revisedAs(draft))));
  }
}
