package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Numbers the approval rounds, so that a plan is judged on this round's decisions only. */
@Component
class OpenApprovalRound implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object round = execution.getVariable("approvalRound");
    execution.setVariable("approvalRound", round == null ? 1 : ((Number) round).intValue() + 1);
  }
}
