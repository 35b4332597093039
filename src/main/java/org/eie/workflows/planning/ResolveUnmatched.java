package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Flagged priorities are either accepted explicitly, with the reason recorded in the alignment
 * map, or sent back: the plan(s) they belong to return to drafting with the reviewers' note.
 */
@Component
class ResolveUnmatched extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    Object decision = execution.getVariable("unmatchedDecision");
    var form = new FormReader(submittedForm(execution));
    String note = form.text("unmatchedNote", true);
    form.throwIfInvalid();
    List<String> unmatched = JsonVariables.list(execution, "unmatchedCodes", String.class);
    AlignmentMap map = AlignmentSteps.map(execution);
    if ("accept".equals(decision)) {
      var accepted = new java.util.ArrayList<>(map.acceptedUnmatched());
      unmatched.stream().filter(code -> !accepted.contains(code)).forEach(accepted::add);
      AlignmentSteps.save(execution, new AlignmentMap(map.links(), accepted, note));
    } else if ("redraft".equals(decision)) {
      String reason = CycleVariables.message("return.alignment", note, String.join(", ", unmatched));
      if (unmatched.stream().anyMatch(code -> code.startsWith("I"))) {
        execution.setVariable("redraftInee", true);
        execution.setVariable("ineeReturnReason", reason);
      }
      if (unmatched.stream().anyMatch(code -> code.startsWith("C"))) {
        execution.setVariable("redraftCluster", true);
        execution.setVariable("clusterReturnReason", reason);
      }
    } else {
      throw new InvalidInput("unmatchedDecision", "choose 'accept' or 'redraft'");
    }
  }
}
