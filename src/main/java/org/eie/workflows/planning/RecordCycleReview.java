package org.eie.workflows.planning;

import org.eie.workflows.forms.InvalidInput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The review of the previous cycle: what it found, and when the consultation of members and
 * cluster partners closes (a date in the future; the window closes at the end of that day, UTC).
 */
@Component
class RecordCycleReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CycleData.required(task, "previousCycleReview", "the review's findings");
    Object value = task.getVariable("consultationClosesOn");
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInput("consultationClosesOn", "the date the consultation closes is required");
    }
    LocalDate closesOn;
    if (value instanceof Date date) {
      closesOn = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } else {
      try {
        closesOn = LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
      } catch (DateTimeParseException e) {
        throw new InvalidInput("consultationClosesOn", "'" + value + "' is not a date (YYYY-MM-DD)");
      }
    }
    LocalDate today = CycleData.nowInstant().atZone(ZoneOffset.UTC).toLocalDate();
    if (!closesOn.isAfter(today)) {
      throw new InvalidInput("consultationClosesOn", "the consultation must close after today ("
          + today + "); found " + closesOn);
    }
    task.setVariable("consultationClosesOn", closesOn.toString());
    task.setVariable("consultationClosesAt",
        Date.from(closesOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }
}
