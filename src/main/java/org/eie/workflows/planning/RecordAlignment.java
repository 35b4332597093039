package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.springframework.stereotype.Component;

/**
 * The joint alignment review's map: every reference must be a priority of the plans, and every
 * priority without a counterpart is flagged (unless it was accepted as such before and still has
 * none).
 */
@Component
class RecordAlignment implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var inee = AlignmentSteps.inee(task);
    var cluster = AlignmentSteps.cluster(task);
    var form = new FormReader(task.getVariables());
    String text = form.text("alignmentText", true);
    form.throwIfInvalid();
    var links = Alignment.parse("alignmentText", text, inee, cluster);
    var previous = Alignment.prune(AlignmentSteps.map(task), inee, cluster);
    var stillAccepted = previous.acceptedUnmatched().stream()
        .filter(code -> links.stream().noneMatch(
            l -> l.ineePriority().equals(code) || l.clusterPriority().equals(code)))
        .toList();
    AlignmentSteps.save(task, new AlignmentMap(links, stillAccepted,
        stillAccepted.isEmpty() ? null : previous.acceptanceNote()));
  }
}
