package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.json;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The call for partner projects: each completion of "Submit a partner project" (in Tasklist, or
 * through {@code POST /api/appeals/{id}/projects}) adds one project, and the task opens again for
 * the next until the submission deadline closes the window. A submission after the deadline is
 * refused with the deadline in the message, even in the moments before the timer has closed the
 * task.
 */
@Component
class RecordPartnerProject extends TaskCompletion implements TaskListener {

  static final String TASK = "Task_SubmitProject";

  static final List<String> FORM_FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of("partnerOrganisation", "projectTitle",
        "locations", "girls", "boys", "femaleTeachers", "maleTeachers", "withDisabilities",
        "durationMonths"));
    for (PriorityActivity activity : PriorityActivity.values()) {
      fields.add(activity.budgetField());
    }
    FORM_FIELDS = List.copyOf(fields);
  }

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordPartnerProject(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // Empty fields in the task's own scope, so what one partner submits never lingers for the next.
      FORM_FIELDS.forEach(field -> task.getExecution().setVariableLocal(field, null));
    }
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(SUBMISSION_DEADLINE);
    refuseIfLate(deadline);
    PartnerProject draft = inputs.project(execution.getVariables(), user.id());
    PartnerProjects projects = projectsOf(execution.getVariable(PROJECTS));
    String country = (String) execution.getVariable(COUNTRY);
    PartnerProject project = new PartnerProject(projects.nextId(country), draft.partner(),
        draft.title(), draft.activities(), draft.locations(), draft.targeted(),
        draft.durationMonths(), ProjectStatus.SUBMITTED, 1, draft.submittedBy(),
        draft.submittedAt(), List.of());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(PROJECTS, json(projects.with(project)));
  }

  static void refuseIfLate(Date deadline) {
    if (deadline != null && ClockUtil.getCurrentTime().after(deadline)) {
      throw new SubmissionClosedException("Project submissions for this appeal closed at "
          + deadline.toInstant().atOffset(ZoneOffset.UTC)
          + " (the submission deadline): late projects are not accepted.");
    }
  }

  static PartnerProjects projectsOf(Object value) {
    return value == null ? PartnerProjects.NONE : (PartnerProjects) value;
  }
}
