package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.APPEAL_TYPE;
import static org.eie.workflows.appeal.AppealVariables.ENDORSEMENT_DAYS;
import static org.eie.workflows.appeal.AppealVariables.ENDORSEMENT_DUE;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Turns the decision table's days for the Humanitarian Coordinator's endorsement
 * ({@code appealDeadlines.dmn}, {@code endorsementDays}) into the moment the endorsement is due,
 * counted from when it opens: each round of sign-offs gives the HC the same time again. An appeal
 * whose deadlines were decided before the table had that column asks the table now.
 */
@Component
class SetEndorsementDeadline implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Number days = (Number) execution.getVariable(ENDORSEMENT_DAYS);
    if (days == null) {
      // The process's own rule, not the signing co-lead's query: past their permissions.
      var decisions = execution.getProcessEngineServices().getDecisionService();
      days = Context.getCommandContext().runWithoutAuthorization(() -> (Number) decisions
          .evaluateDecisionTableByKey("appealDeadlines",
              Variables.putValue(APPEAL_TYPE, execution.getVariable(APPEAL_TYPE)))
          .getSingleResult().getEntry(ENDORSEMENT_DAYS));
      execution.setVariable(ENDORSEMENT_DAYS, days);
    }
    execution.setVariable(ENDORSEMENT_DUE, Date.from(ClockUtil.getCurrentTime().toInstant()
        .plus(Duration.ofDays(days.longValue()))));
  }
}
