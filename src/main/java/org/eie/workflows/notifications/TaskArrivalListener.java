package org.eie.workflows.notifications;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eie.workflows.forms.EveryUserTask;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, whatever its BPMN says, records its arrival notifications
 * when it is created: a listener added at deployment (a parse listener, after the task's own
 * listeners, so candidates set by those count). It only writes ledger rows, in the transaction
 * that creates the task; the mails go out afterwards ({@link TaskNotificationSweep}), so a mail
 * server that is slow or down never holds up completing the step before.
 */
@Component
class TaskArrivalListener extends AbstractProcessEnginePlugin implements TaskListener {

  private final NotificationLedger ledger;

  TaskArrivalListener(NotificationLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, this);
  }

  @Override
  public void notify(DelegateTask task) {
    ledger.recordForNewTask(task.getId(), TaskEvent.ARRIVED, Recipients.onArrival(
        task.getProcessEngineServices().getIdentityService(), task.getAssignee(),
        task.getCandidates()));
  }
}
