package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.ONSET;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE_DAYS;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Turns the decision table's days after onset ({@code appealDeadlines.dmn}) into the moment the
 * publication timer fires.
 */
@Component
class SetPublicationDeadline implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Date onset = (Date) execution.getVariable(ONSET);
    Number days = (Number) execution.getVariable(PUBLICATION_DEADLINE_DAYS);
    execution.setVariable(PUBLICATION_DEADLINE,
        Date.from(onset.toInstant().plus(Duration.ofDays(days.longValue()))));
  }
}
