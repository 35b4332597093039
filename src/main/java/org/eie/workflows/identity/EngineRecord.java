package org.eie.workflows.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * What the engine itself recorded about a process, for decisions that must not rest on variables:
 * the steps in the order they happened, which tasks were completed, and who the engine had
 * authenticated when each was completed (its operation log, which no role but the administrators
 * may change). Reads run past the caller's authorization checks: they serve the process's own
 * verifications, not a user's query.
 */
@Component
public class EngineRecord {

  private static final String COMPLETED = "completed";

  private final HistoryService history;
  private final IdentityService identity;
  private final RepositoryService repository;

  EngineRecord(HistoryService history, IdentityService identity, RepositoryService repository) {
    this.history = history;
    this.identity = identity;
    this.repository = repository;
  }

  /**
   * Whether the process definition (the diagram an instance runs on) has this activity: an
   * instance started on an older version follows that version's steps.
   */
  public boolean definitionHas(String processDefinitionId, String activityId) {
    return unchecked(() -> repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementById(activityId) != null);
  }

  /**
   * The process instance's steps in order: by start time, and among steps of the same instant by
   * the engine's sequence counter.
   */
  public List<HistoricActivityInstance> stepsInOrder(String processInstanceId) {
    return unchecked(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list());
  }

  /** The task if a user completed it (not cancelled by a timer, a message or a modification). */
  public Optional<HistoricTaskInstance> completedTask(String taskId) {
    return unchecked(() -> Optional.ofNullable(history.createHistoricTaskInstanceQuery()
        .taskId(taskId).singleResult()).filter(task -> COMPLETED.equals(task.getDeleteReason())));
  }

  /** Who the engine had authenticated when the task was completed; empty if nobody was. */
  public Optional<String> completedBy(String taskId) {
    return unchecked(() -> history.createUserOperationLogQuery().taskId(taskId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(userId -> userId != null).findFirst());
  }

  /** The user's groups as the identity store holds them now. */
  public List<String> groupsOf(String userId) {
    return unchecked(() -> identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
  }

  private static <T> T unchecked(Supplier<T> read) {
    var command = Context.getCommandContext();
    return command == null ? read.get() : command.runWithoutAuthorization(read::get);
  }
}
