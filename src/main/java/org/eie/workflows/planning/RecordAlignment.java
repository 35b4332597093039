package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.springframework.stereotype.Component;

/**
 * The joint alignment review's map: every reference must be a priority of the plans, and every
 * priority without a counterpart is flagged (unless it was accepted as such before and still has
 * none).
 */
@Component
class RecordAlignment extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    var inee = AlignmentSteps.inee(execution);
    var cluster = AlignmentSteps.cluster(execution);
    var form = new FormReader(submittedForm(execution));
    String text = form.text("alignmentText", true);
    form.throwIfInvalid();
    var links = Alignment.parse("alignmentText", text, inee, cluster);
    var previous = Alignment.prune(AlignmentSteps.map(execution), inee, cluster);
    var stillAccepted = previous.acceptedUnmatched().stream()
        .filter(code -> links.stream().noneMatch(
            l -> l.ineePriority().equals(code) || l.clusterPriority().equals(code)))
        .toList();
    AlignmentSteps.save(execution, new AlignmentMap(links, stillAccepted,
        stillAccepted.isEmpty() ? null : previous.acceptanceNote()));
  }
}
