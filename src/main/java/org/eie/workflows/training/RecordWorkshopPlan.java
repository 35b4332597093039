package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.WITHDRAWAL;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_GOES_AHEAD;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_PLAN;

import org.eie.workflows.forms.FormReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The co-leads' workshop plan. If the workshop cannot go ahead (a security situation, say) the
 * country is withdrawn with their reason and the other countries carry on.
 */
@Component
class RecordWorkshopPlan extends TaskCompletion {

  private final CurrentUser user;

  RecordWorkshopPlan(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    Boolean goesAhead = form.yesNo(WORKSHOP_GOES_AHEAD, true);
    form.throwIfInvalid();
    execution.setVariable(WORKSHOP_GOES_AHEAD, goesAhead);
    if (!goesAhead) {
      String reason = form.text("withdrawalReason", true);
      String location = form.text("workshopLocation", false);
      form.throwIfInvalid();
      execution.setVariable(WITHDRAWAL, JsonVariables.json(new Withdrawal(reason,
          user.recordedId(), ClockUtil.now().toInstant().toString(), "planning")));
      execution.setVariable(WORKSHOP_PLAN, JsonVariables.json(
          new WorkshopPlan(location, null, null, null, false)));
    } else {
      String location = form.text("workshopLocation", true);
      var start = form.date("plannedStartDate", true);
      var end = form.date("plannedEndDate", true);
      String facilitators = form.text("leadFacilitators", false);
      form.throwIfInvalid();
      form.check(!end.isBefore(start), "plannedEndDate",
          "the workshop cannot end before it starts (" + start + ")");
      form.throwIfInvalid();
      execution.setVariable(WORKSHOP_PLAN, JsonVariables.json(new WorkshopPlan(location,
          start.toString(), end.toString(), facilitators, true)));
    }
    for (String loose : new String[] {"workshopLocation", "plannedStartDate", "plannedEndDate",
        "leadFacilitators", "withdrawalReason"}) {
      execution.removeVariable(loose);
    }
  }
}
