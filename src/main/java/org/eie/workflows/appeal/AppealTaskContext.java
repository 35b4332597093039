package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.appeal.AppealVariables.RETURNED_PROJECT;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.eie.workflows.tasklist.Figures;
import org.eie.workflows.tasklist.TaskContext;
import org.springframework.stereotype.Component;

/**
 * What an appeal's tasks are about: the country, the emergency, the appeal's key and, for a
 * project's vetting or revision, the project, its partner and where it works. The partners'
 * sub-processes receive the emergency from the appeal (their call activities) and nothing more.
 */
@Component
class AppealTaskContext implements TaskContext {

  @Override
  public Set<String> processKeys() {
    return Set.of(AppealVariables.PROCESS_KEY, AppealVariables.SUBMISSION_PROCESS_KEY,
        AppealVariables.REVISION_PROCESS_KEY);
  }

  @Override
  public Map<String, String> of(DelegateTask task) {
    Map<String, String> values = new HashMap<>();
    values.put(COUNTRY, (String) task.getVariable(COUNTRY));
    values.put(EMERGENCY, emergency(task));
    values.put("appeal", task.getExecution().getProcessBusinessKey());
    PartnerProject project = project(task);
    if (project != null) {
      values.put("project", project.title());
      values.put("projectId", project.id());
      values.put("partner", project.partner());
      values.put("location", String.join(", ", project.locations()));
      values.put("budget", Figures.usd(project.budgetUsd()));
    }
    return values;
  }

  /**
   * The emergency's name: kept as a plain variable by the appeal's first task (for the task list)
   * and handed over to a partner's sub-process by its call activity, so that only the first task
   * reads it from the trigger (a JSON value, one more read each time). The trigger never changes
   * after the start.
   */
  private static String emergency(DelegateTask task) {
    Object kept = task.getVariable(EMERGENCY);
    if (kept != null) {
      return kept.toString();
    }
    return task.getVariable(TRIGGER) instanceof AppealTrigger trigger
        ? trigger.emergencyType() : null;
  }

  private static PartnerProject project(DelegateTask task) {
    if (task.getVariable(RETURNED_PROJECT) instanceof PartnerProject returned) {
      return returned;
    }
    Object projectId = task.getVariable(PROJECT_ID);
    if (projectId != null && task.getVariable(PROJECTS) instanceof PartnerProjects projects) {
      return projects.find(projectId.toString()).orElse(null);
    }
    return null;
  }
}
