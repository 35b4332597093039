package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
class RecordImplementationStep implements TaskListener {

  static final Set<String> STATUSES = Set.of("ON_TRACK", "AT_RISK", "OFF_TRACK");

  private final CurrentUser user;

  RecordImplementationStep(CurrentUser user) {
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = ((Number) task.getVariable("implementationYear")).intValue();
    Implementation implementation =
        JsonVariables.read(task, CycleVariables.IMPLEMENTATION, Implementation.class);
    ImplementationYear current = implementation.year(year);
    String userId = user.recordedId();
    switch (task.getTaskDefinitionKey()) {
      case "Task_DraftAnnualWorkPlan" -> {
        var form = new FormReader(task.getVariables());
        String workPlan = form.text("workPlan", true);
        form.throwIfInvalid();
        current = new ImplementationYear(year, workPlan, current.reviews(),
            current.annualReport());
        CycleVariables.forget(task, "workPlan");
      }
      case "Task_MidYearReview" -> current = withReview(task, current, "MID_YEAR", userId, null);
      case "Task_MidTermReview" -> current = withReview(task, current, "MID_TERM", userId, null);
      case "Task_YearEndReview" -> current = withReview(task, current, "YEAR_END", userId,
          "annualReport");
      default -> throw new IllegalStateException("Not an implementation task: "
          + task.getTaskDefinitionKey());
    }
    task.getExecution().getProcessInstance().setVariable(CycleVariables.IMPLEMENTATION,
        JsonVariables.json(implementation.with(current)));
  }

  private static ImplementationYear withReview(DelegateTask task, ImplementationYear year,
      String kind, String userId, String reportField) {
    var form = new FormReader(task.getVariables());
    String status = form.text("progressStatus", false);
    form.check(status != null && STATUSES.contains(status), "progressStatus",
        "choose ON_TRACK, AT_RISK or OFF_TRACK");
    String summary = form.text("progressSummary", true);
    String annualReport = reportField == null ? null : form.text(reportField, true);
    form.throwIfInvalid();
    var reviews = new ArrayList<>(year.reviews());
    reviews.add(new Review(kind, status, summary, userId, CycleVariables.now()));
    CycleVariables.forget(task, "progressStatus", "progressSummary", "annualReport");
    return new ImplementationYear(year.year(), year.workPlan(), reviews,
        annualReport == null ? year.annualReport() : annualReport);
  }
}
