package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Flagged priorities are either accepted explicitly, with the reason recorded in the alignment
 * map, or sent back: the plan(s) they belong to return to drafting with the reviewers' note.
 */
@Component
class ResolveUnmatched implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("unmatchedDecision");
    var form = new FormReader(task.getVariables());
    String note = form.text("unmatchedNote", true);
    form.throwIfInvalid();
    List<String> unmatched = JsonVariables.list(task, "unmatchedCodes", String.class);
    AlignmentMap map = AlignmentSteps.map(task);
    if ("accept".equals(decision)) {
      var accepted = new java.util.ArrayList<>(map.acceptedUnmatched());
      unmatched.stream().filter(code -> !accepted.contains(code)).forEach(accepted::add);
      AlignmentSteps.save(task, new AlignmentMap(map.links(), accepted, note));
    } else if ("redraft".equals(decision)) {
      String reason = CycleVariables.message("return.alignment", note, String.join(", ", unmatched));
      if (unmatched.stream().anyMatch(code -> code.startsWith("I"))) {
        task.setVariable("redraftInee", true);
        task.setVariable("ineeReturnReason", reason);
      }
      if (unmatched.stream().anyMatch(code -> code.startsWith("C"))) {
        task.setVariable("redraftCluster", true);
        task.setVariable("clusterReturnReason", reason);
      }
    } else {
      throw new InvalidInput("unmatchedDecision", "choose 'accept' or 'redraft'");
    }
  }
}
