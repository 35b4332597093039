package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.EVALUATION_DUE_AT;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_REPORT;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_DELIVERY;

import org.eie.workflows.forms.FormReader;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The evaluation report and participant list. The list must name as many participants as the
 * workshop had; a report after the deadline is accepted and marked late.
 */
@Component
class RecordEvaluationReport extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String summary = form.text("evaluationSummary", true);
    var participants = form.lines("participantList", true);
    form.throwIfInvalid();
    var delivery = JsonVariables.read(execution, WORKSHOP_DELIVERY, WorkshopDelivery.class);
    form.check(participants.size() == delivery.participants(), "participantList",
        participants.size() + " names for the " + delivery.participants()
            + " participants recorded at the workshop");
    form.throwIfInvalid();
    Date now = ClockUtil.now();
    Date due = (Date) execution.getVariable(EVALUATION_DUE_AT);
    execution.setVariable(EVALUATION_REPORT, JsonVariables.json(new EvaluationReport(
        now.toInstant().toString(), now.after(due), summary, participants)));
    execution.removeVariable("evaluationSummary");
    execution.removeVariable("participantList");
  }
}
