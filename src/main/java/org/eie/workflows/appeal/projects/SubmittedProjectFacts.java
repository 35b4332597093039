package org.eie.workflows.appeal.projects;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.appeal.PrivilegedRead;
import org.eie.workflows.tasklist.CompletionFacts;
import org.springframework.stereotype.Component;

/**
 * After a partner submits or revises a project, the confirmation names the project's reference
 * and its appeal: the project of the partner's organisation that this user submitted last into
 * the appeal whose call the task belonged to ({@link OwnProjects}).
 */
@Component
class SubmittedProjectFacts implements CompletionFacts {

  private final ProcessEngine engine;
  private final OwnProjects projects;

  SubmittedProjectFacts(ProcessEngine engine, OwnProjects projects) {
    this.engine = engine;
    this.projects = projects;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(Processes.APPEAL_PARTNER_SUBMISSION, Processes.APPEAL_PROJECT_REVISION);
  }

  @Override
  public Map<String, String> of(HistoricTaskInstance task, String userId) {
    // The partner's task ran in its own sub-instance; the appeal called it.
    String appealId = PrivilegedRead.of(engine, command -> {
      HistoricProcessInstance submission = engine.getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      return submission == null ? null : submission.getSuperProcessInstanceId();
    });
    if (appealId == null) {
      return Map.of();
    }
    return projects.lastSubmittedBy(userId, appealId)
        .map(project -> Map.of("project", project.reference(), "appeal",
            project.appeal() == null ? project.appealId() : project.appeal()))
        .orElse(Map.of());
  }
}
