package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.Vetting;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What a revision sub-instance receives from the appeal ({@code camunda:in sourceExpression}s of
 * the call activity "Revise returned project"): the one returned project without the panel's
 * scorecards, its summary as the form shows it, the panel's comment, and the group of the
 * organisation that submitted it (the task's candidate group). Nothing else of the appeal reaches
 * the partner's task.
 */
@Component
public class ProjectRevisionInputs {

  public ObjectValue project(DelegateExecution execution) {
    PartnerProject p = returned(execution);
    return json(new PartnerProject(p.id(), p.partner(), p.partnerOrganisationId(), p.title(),
        p.activities(), p.locations(), p.targeted(), p.durationMonths(), p.status(), p.revision(), p.submittedBy(),
        p.submittedAt(), List.of(), p.implementingPartners()));
  }

  /**
   * The revision task's candidate group: the group of the organisation that submitted the
   * project, so that no other partner organisation of the country sees it; the country's
   * {@code partners-XX} only for a project submitted before the partner registry existed.
   */
  public String partnerGroup(DelegateExecution execution) {
    PartnerProject p = returned(execution);
    return p.partnerOrganisationId() != null ? p.partnerOrganisationId()
        : Groups.partnersOf((String) execution.getVariable(AppealVariables.COUNTRY));
  }

  public String summary(DelegateExecution execution) {
    return ProjectText.of(returned(execution));
  }

  public String comment(DelegateExecution execution) {
    Vetting last = returned(execution).lastVetting();
    return last == null ? "" : last.comment();
  }

  private static PartnerProject returned(DelegateExecution execution) {
    PartnerProjects projects = JsonVariables.read(execution, PROJECTS, PartnerProjects.class);
    return projects.get((String) execution.getVariable(PROJECT_ID));
  }
}
