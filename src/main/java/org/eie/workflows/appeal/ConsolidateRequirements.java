package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION;
import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION_CONSISTENT;
import static org.eie.workflows.appeal.AppealVariables.NEEDS_ASSESSMENT;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.variables.JsonVariables.json;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** Consolidates the accepted projects; inconsistencies send the appeal to the co-leads' review. */
@Component
class ConsolidateRequirements implements JavaDelegate {

  private final Consolidator consolidator;

  ConsolidateRequirements(Consolidator consolidator) {
    this.consolidator = consolidator;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Consolidation consolidation = consolidator.consolidate(
        JsonVariables.read(execution, RESPONSE_PLAN, PlannedResponse.class),
        JsonVariables.read(execution, NEEDS_ASSESSMENT, NeedsAssessment.class),
        PartnerProjects.of(execution).projects(),
        AppealInputs.now().toString());
    execution.setVariable(CONSOLIDATION, json(consolidation));
    execution.setVariable(CONSOLIDATION_CONSISTENT, consolidation.consistent());
  }
}
