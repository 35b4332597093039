package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Renders the joint plan document of the finished cycle and stores it as a new version (a retry
 * after a failure stores the next version; the newest is what users download).
 */
@Component
class CompilePlanDocument implements JavaDelegate {

  private final PlanDocument document;
  private final DocumentStore store;

  CompilePlanDocument(PlanDocument document, DocumentStore store) {
    this.document = document;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cycle = (String) execution.getVariable("cycleLabel");
    var texts = new FormReader(execution.getVariables());
    var content = new PlanDocument.Content(cycle,
        (String) execution.getVariable("documentLanguage"),
        JsonVariables.read(execution, CycleVariables.INEE_PLAN, StrategicPlan.class),
        JsonVariables.read(execution, CycleVariables.CLUSTER_PLAN, StrategicPlan.class),
        JsonVariables.read(execution, CycleVariables.ALIGNMENT, AlignmentMap.class),
        JsonVariables.read(execution, CycleVariables.APPROVALS, Approvals.class),
        JsonVariables.read(execution, CycleVariables.LAUNCH, Launch.class),
        JsonVariables.read(execution, CycleVariables.IMPLEMENTATION, Implementation.class),
        JsonVariables.read(execution, CycleVariables.EVALUATION, Evaluation.class),
        texts.text("previousCycleReview", false),
        texts.text("consultationSummary", false),
        texts.text("memberFeedback", false));
    texts.throwIfInvalid();
    var stored = store.store(execution.getProcessInstanceId(), PlanDocument.KIND, null,
        content.language(), PlanDocument.fileName(cycle), document.render(content));
    execution.setVariable("planDocumentVersion", stored.version());
    execution.setVariable("planDocumentSha256", stored.sha256());
  }
}
