package org.eie.workflows.planning;

import org.eie.workflows.forms.InvalidInput;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.ImplementationYear;
import org.eie.workflows.planning.PlanModel.Review;
import org.springframework.stereotype.Component;

/**
 * A year's work plan, its six-monthly reviews, the mid-term review and the annual progress report,
 * kept per year for the plan document.
 */
@Component
class RecordImplementationStep implements TaskListener {

  static final Set<String> STATUSES = Set.of("ON_TRACK", "AT_RISK", "OFF_TRACK");

  private final CycleData data;

  RecordImplementationStep(CycleData data) {
    this.data = data;
  }

  @Override
  public void notify(DelegateTask task) {
    int year = ((Number) task.getVariable("implementationYear")).intValue();
    Implementation implementation =
        CycleData.get(task, CycleData.IMPLEMENTATION, Implementation.class);
    ImplementationYear current = implementation.year(year);
    String user = data.currentUser().orElse(null);
    switch (task.getTaskDefinitionKey()) {
      case "Task_DraftAnnualWorkPlan" -> {
        current = new ImplementationYear(year,
            CycleData.required(task, "workPlan", "the work plan"), current.reviews(),
            current.annualReport());
        CycleData.forget(task, "workPlan");
      }
      case "Task_MidYearReview" -> current = withReview(task, current, "MID_YEAR", user, null);
      case "Task_MidTermReview" -> current = withReview(task, current, "MID_TERM", user, null);
      case "Task_YearEndReview" -> current = withReview(task, current, "YEAR_END", user,
          CycleData.required(task, "annualReport", "the annual progress report"));
      default -> throw new IllegalStateException("Not an implementation task: "
          + task.getTaskDefinitionKey());
    }
    task.getExecution().getProcessInstance().setVariable(CycleData.IMPLEMENTATION,
        CycleData.json(implementation.with(current)));
  }

  private static ImplementationYear withReview(DelegateTask task, ImplementationYear year,
      String kind, String user, String annualReport) {
    Object status = task.getVariable("progressStatus");
    if (status == null || !STATUSES.contains(status.toString())) {
      throw new InvalidInput("progressStatus", "choose ON_TRACK, AT_RISK or OFF_TRACK");
    }
    String summary = CycleData.required(task, "progressSummary", "the progress summary");
    var reviews = new ArrayList<>(year.reviews());
    reviews.add(new Review(kind, status.toString(), summary, user, CycleData.now()));
    CycleData.forget(task, "progressStatus", "progressSummary", "annualReport");
    return new ImplementationYear(year.year(), year.workPlan(), reviews,
        annualReport == null ? year.annualReport() : annualReport);
  }
}
