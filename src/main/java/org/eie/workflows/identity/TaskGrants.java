package org.eie.workflows.identity;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's own grant on each task offered to a group, without what the group already holds.
 *
 * <p>The engine grants a candidate group READ and UPDATE on every task offered to it, one row per
 * task. Every task query (Tasklist's lists and counts) joins the caller's rows to the tasks on
 * "task id, definition key or *", which PostgreSQL can only answer by comparing each row with each
 * task: with a few hundred open tasks in a country, a Tasklist count took 10 to 30 ms and grew
 * with the square of the open tasks. A group that reads every task of the definition anyway
 * (see {@link AccessModel#readsEveryTaskOf}: the country co-leads their appeals, bounded by the
 * country tenant; the global co-leads and the Secretariat every task) gets only the work
 * permission on the task, which no read joins. Everyone else, partners above all (one partner
 * must not read another's returned project), keeps the engine's grant as it is.
 */
@Component
class TaskGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId,
        String type) {
      if (!AccessModel.readsEveryTaskOf(groupId, definitionKeyOf(task))) {
        return super.newTaskGroupIdentityLink(task, groupId, type);
      }
      EnsureUtil.ensureValidIndividualResourceId(
          "Cannot grant default authorization for identity link to group " + groupId, groupId);
      return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, TASK,
          false, getDefaultUserPermissionForTask())};
    }

    private static String definitionKeyOf(Task task) {
      if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
        return entity.getProcessDefinition().getKey();
      }
      return null;
    }
  }
}
