package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The review of the previous cycle: what it found, and when the consultation of members and
 * cluster partners closes (a date in the future; the window closes at the end of that day, UTC).
 */
@Component
class RecordCycleReview extends PlanningRecorder {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    form.text("previousCycleReview", true);
    LocalDate closesOn = form.date("consultationClosesOn", true);
    form.throwIfInvalid();
    LocalDate today = CycleVariables.nowInstant().atZone(ZoneOffset.UTC).toLocalDate();
    form.check(closesOn.isAfter(today), "consultationClosesOn",
        "the consultation must close after today (" + today + "); found " + closesOn);
    form.throwIfInvalid();
    execution.setVariable("consultationClosesOn", closesOn.toString());
    execution.setVariable("consultationClosesAt",
        Date.from(closesOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }
}
