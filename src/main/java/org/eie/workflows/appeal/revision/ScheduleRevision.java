package org.eie.workflows.appeal.revision;

import static org.eie.workflows.appeal.AppealVariables.REVISION_AFTER_DAYS;
import static org.eie.workflows.appeal.AppealVariables.REVISION_DUE;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.eie.workflows.appeal.AppealInputs;
import org.springframework.stereotype.Component;

/**
 * As a version is published, sets when its revision falls due: the decision table's days after
 * publication ({@code appealDeadlines.dmn}, {@code revisionAfterDays}).
 */
@Component
class ScheduleRevision implements ExecutionListener {

  /** For appeals whose deadlines were decided before the table had the column. */
  static final long DEFAULT_DAYS = 30;

  @Override
  public void notify(DelegateExecution execution) {
    Number days = (Number) execution.getVariable(REVISION_AFTER_DAYS);
    execution.setVariable(REVISION_DUE, Date.from(AppealInputs.now().toInstant()
        .plus(Duration.ofDays(days == null ? DEFAULT_DAYS : days.longValue()))));
  }
}
