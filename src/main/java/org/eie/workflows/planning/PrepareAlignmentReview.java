package org.eie.workflows.planning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Opens the joint alignment review with the current map ready to edit: one line per INEE
 * priority with its Cluster counterparts, and the Cluster priorities nobody maps yet.
 */
@Component
class PrepareAlignmentReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var inee = AlignmentSteps.inee(task);
    var cluster = AlignmentSteps.cluster(task);
    var map = Alignment.prune(AlignmentSteps.map(task), inee, cluster);
    task.setVariable("alignmentText", Alignment.format(map, inee, cluster));
    task.setVariable("ineeOverview", PlanText.overview(inee));
    task.setVariable("clusterOverview", PlanText.overview(cluster));
  }
}
