package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the revisions, checks the agreed map against the revised plans: links to removed
 * priorities are dropped and new priorities without a counterpart are flagged, which sends the
 * plans back to the joint alignment review.
 */
@Component
class RecheckAlignment implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    var inee = AlignmentSteps.inee(execution);
    var cluster = AlignmentSteps.cluster(execution);
    AlignmentSteps.save(execution, Alignment.prune(AlignmentSteps.map(execution), inee, cluster));
  }
}
