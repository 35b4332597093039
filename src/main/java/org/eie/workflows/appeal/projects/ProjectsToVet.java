package org.eie.workflows.appeal.projects;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.ProjectStatus;
import org.springframework.stereotype.Component;

/**
 * The vetting multi-instance's collection ({@code ${projectsToVet.ids(execution)}}): one vetting
 * per project submitted in the window, computed on the spot so no list is stored as a variable.
 */
@Component
public class ProjectsToVet {

  public List<String> ids(DelegateExecution execution) {
    return PartnerProjects.of(execution)
        .withStatus(ProjectStatus.SUBMITTED).stream().map(PartnerProject::id).toList();
  }
}
