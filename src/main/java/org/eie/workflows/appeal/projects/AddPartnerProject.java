package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.SUBMITTED_PROJECT;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Back in the appeal, as a partner's submission sub-instance ends: the checked draft it handed
 * back ({@code submittedProject}) gets the appeal's next project id and joins {@code projects}.
 * A submission closed by the deadline records nothing.
 */
@Component
class AddPartnerProject extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    PartnerProject draft = JsonVariables.read(execution, SUBMITTED_PROJECT, PartnerProject.class);
    execution.removeVariable(SUBMITTED_PROJECT);
    PartnerProjects projects = PartnerProjects.of(execution);
    String country = (String) execution.getVariable(COUNTRY);
    PartnerProject project = new PartnerProject(projects.nextId(country), draft.partner(),
        draft.partnerOrganisationId(), draft.title(), draft.activities(), draft.locations(), draft.targeted(),
        draft.durationMonths(), ProjectStatus.SUBMITTED, 1, draft.submittedBy(),
        draft.submittedAt(), List.of(), draft.implementingPartners());
    execution.setVariable(PROJECTS, json(projects.with(project)));
    NewProjectIds.added(project.id());
  }
}
