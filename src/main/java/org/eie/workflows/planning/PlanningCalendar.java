package org.eie.workflows.planning;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The implementation calendar: plan year {@code n} (0, 1, 2) is the calendar year
 * {@code firstYear + n}; its six-monthly review falls on 1 July, its year-end review on 1 January
 * of the next year (UTC). The mid-term review (18 months) is the second year's mid-year point.
 */
@Component
public class PlanningCalendar {

  public Date midYear(Number firstYear, Number yearIndex) {
    return date(LocalDate.of(firstYear.intValue() + yearIndex.intValue(), 7, 1));
  }

  public Date yearEnd(Number firstYear, Number yearIndex) {
    return date(LocalDate.of(firstYear.intValue() + yearIndex.intValue() + 1, 1, 1));
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
