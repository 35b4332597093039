package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.APPEAL_TYPE;
import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.SUBMITTED_PROJECT;
import static org.eie.workflows.appeal.AppealVariables.handedOver;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PriorityActivity;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.partners.PartnerOrganisation;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The call for partner projects, in the partner's own sub-instance
 * ({@code appealPartnerSubmission}, which sees only the country, the deadline and its own form):
 * each completion of "Submit a partner project" (in Tasklist, or through
 * {@code POST /api/appeals/{id}/projects}) checks the form and hands the draft back to the appeal
 * as {@code submittedProject}, where {@link AddPartnerProject} numbers and records it. The
 * project records the registered organisation it is submitted for ({@link
 * SubmittingOrganisation}); a user of no registered organisation of the country is refused. A
 * submission after the deadline is refused with the deadline in the message, even in the moments
 * before the timer has closed the task. The appeal's type ({@code appealType}, handed on by the
 * call) sets the rules ({@link AppealType}): in a CERF appeal an organisation that is not one of
 * {@link CerfAgencies} is refused (403) and nothing is handed back.
 */
@Component
public class RecordPartnerProject extends TaskCompletion {

  public static final String TASK = "Task_SubmitProject";
  /** The appeal's affected areas, one a line, handed to the partner's sub-instance. */
  static final String AFFECTED_AREAS = "affectedAreas";

  static final List<String> FORM_FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of("partnerOrganisation", "projectTitle",
        "locations", "girls", "boys", "femaleTeachers", "maleTeachers", "withDisabilities",
        "durationMonths", AppealInputs.IMPLEMENTING_PARTNERS));
    for (PriorityActivity activity : PriorityActivity.values()) {
      fields.add(activity.budgetField());
    }
    FORM_FIELDS = List.copyOf(fields);
  }

  private final AppealInputs inputs;
  private final CurrentUser user;
  private final SubmittingOrganisation organisations;

  RecordPartnerProject(AppealInputs inputs, CurrentUser user,
      SubmittingOrganisation organisations) {
    this.inputs = inputs;
    this.user = user;
    this.organisations = organisations;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    refuseIfLate((Date) execution.getVariable(SUBMISSION_DEADLINE));
    AppealType type = AppealType.of(execution.getVariable(APPEAL_TYPE));
    PartnerProject draft = inputs.project(submittedForm(execution), user.recordedId(),
        affectedAreas(execution.getVariable(AFFECTED_AREAS)), type);
    PartnerOrganisation organisation = organisations.applicant(
        (String) execution.getVariable(COUNTRY), draft.partner(), type);
    execution.setVariable(SUBMITTED_PROJECT,
        handedOver(draft.submittedFor(organisation.name(), organisation.id())));
  }

  /** The appeal's affected areas as the call handed them on, or null in older calls. */
  static List<String> affectedAreas(Object areas) {
    return areas instanceof String lines ? lines.lines().filter(l -> !l.isBlank()).toList() : null;
  }

  public static void refuseIfLate(Date deadline) {
    if (deadline != null && ClockUtil.getCurrentTime().after(deadline)) {
      throw new SubmissionClosedException("Project submissions for this appeal closed at "
          + deadline.toInstant().atOffset(ZoneOffset.UTC)
          + " (the submission deadline): late projects are not accepted.");
    }
  }
}
