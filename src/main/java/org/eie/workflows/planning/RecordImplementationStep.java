package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.ImplementationYear;
import org.eie.workflows.planning.PlanModel.Review;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * A year's work plan, its six-monthly reviews, the mid-term review and the annual progress report,
 * kept per year for the plan document.
 */
@Component
class RecordImplementationStep extends PlanningRecorder {

  static final Set<String> STATUSES = Set.of("ON_TRACK", "AT_RISK", "OFF_TRACK");

  private final CurrentUser user;

  RecordImplementationStep(CurrentUser user) {
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    int year = ((Number) execution.getVariable("implementationYear")).intValue();
    Implementation implementation =
        JsonVariables.read(execution, CycleVariables.IMPLEMENTATION, Implementation.class);
    ImplementationYear current = implementation.year(year);
    String userId = user.recordedId();
    switch (execution.getCurrentActivityId()) {
      case "Task_DraftAnnualWorkPlan" -> {
        var form = new FormReader(submittedForm(execution));
        String workPlan = form.text("workPlan", true);
        form.throwIfInvalid();
        current = new ImplementationYear(year, workPlan, current.reviews(),
            current.annualReport());
        CycleVariables.forget(execution, "workPlan");
      }
      case "Task_MidYearReview" -> current = withReview(execution, current, "MID_YEAR", userId, null);
      case "Task_MidTermReview" -> current = withReview(execution, current, "MID_TERM", userId, null);
      case "Task_YearEndReview" -> current = withReview(execution, current, "YEAR_END", userId,
          "annualReport");
      default -> throw new IllegalStateException("Not an implementation task: "
          + execution.getCurrentActivityId());
    }
    execution.getProcessInstance().setVariable(CycleVariables.IMPLEMENTATION,
        JsonVariables.json(implementation.with(current)));
  }

  private static ImplementationYear withReview(DelegateExecution execution, ImplementationYear year,
      String kind, String userId, String reportField) {
    var form = new FormReader(submittedForm(execution));
    String status = form.text("progressStatus", false);
    form.check(status != null && STATUSES.contains(status), "progressStatus",
        "choose ON_TRACK, AT_RISK or OFF_TRACK");
    String summary = form.text("progressSummary", true);
    String annualReport = reportField == null ? null : form.text(reportField, true);
    form.throwIfInvalid();
    var reviews = new ArrayList<>(year.reviews());
    reviews.add(new Review(kind, status, summary, userId, CycleVariables.now()));
    CycleVariables.forget(execution, "progressStatus", "progressSummary", "annualReport");
    return new ImplementationYear(year.year(), year.workPlan(), reviews,
        annualReport == null ? year.annualReport() : annualReport);
  }
}
