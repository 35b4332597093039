package org.eie.workflows.appeal.revision;

import static org.eie.workflows.appeal.AppealVariables.NEEDS_ASSESSMENT;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE_DAYS;
import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.REVISION;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.variables.JsonVariables.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.AppealRevision;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.NeedsAssessment;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.PlannedResponse;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.appeal.RecordNeedsAssessment;
import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * "Revise the appeal": opens the task with the figures of the published version filled in (the
 * needs assessment, the plan's indicative requirement, the accepted projects and their budgets),
 * and records what the co-leads changed after the Joint Education Needs Assessment: the updated
 * needs (the needs assessment's own fields and rules), the plan's indicative requirement, accepted
 * projects withdrawn or given a new budget, and how long a new call for partner projects stays
 * open (0: none, the call closes at once and the appeal goes straight to consolidation). The
 * revised version's publication is due {@code publicationDeadlineDays} after the revision, and
 * it is signed off afresh.
 */
@Component
class RecordRevision extends TaskCompletion implements TaskListener {

  static final List<String> OWN_FIELDS = List.of("revisionReason", "indicativeRequirementUsd",
      "withdrawProjects", "projectBudgets", "newCallDays", "acceptedProjects");
  static final List<String> FORM_FIELDS = Stream.concat(
      RecordNeedsAssessment.FORM_FIELDS.stream(), OWN_FIELDS.stream()).toList();
  /** The longest new call for projects a revision opens. */
  static final long MAX_CALL_DAYS = 60;

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordRevision(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    var execution = task.getExecution();
    // The revision is under way: no revision deadline until the next version is published.
    execution.removeVariable(AppealVariables.REVISION_DUE);
    NeedsAssessment needs = JsonVariables.read(task, NEEDS_ASSESSMENT, NeedsAssessment.class);
    if (needs != null) {
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("girlsInNeed", needs.girlsInNeed());
      form.put("boysInNeed", needs.boysInNeed());
      form.put("withDisabilitiesInNeed", needs.withDisabilitiesInNeed());
      form.put("migrantsInNeed", needs.migrantsInNeed());
      form.put("hostCommunityInNeed", needs.hostCommunityInNeed());
      form.put("schoolsDamaged", needs.schoolsDamaged());
      form.put("schoolsDestroyed", needs.schoolsDestroyed());
      form.put("schoolsUsedAsShelters", needs.schoolsUsedAsShelters());
      form.put("teachersAffected", needs.teachersAffected());
      form.put("assessedAreas", String.join("\n", needs.affectedAreas()));
      form.put("dataGaps", needs.dataGaps() == null ? "" : String.join("\n", needs.dataGaps()));
      form.forEach((name, value) -> {
        if (value != null) {
          execution.setVariableLocal(name, value);
        }
      });
    }
    PlannedResponse plan = JsonVariables.read(task, RESPONSE_PLAN, PlannedResponse.class);
    if (plan != null && plan.indicativeRequirementUsd() != null) {
      // A number, as the form sends it back (a BigDecimal would be stored as a Java object).
      execution.setVariableLocal("indicativeRequirementUsd",
          plan.indicativeRequirementUsd().doubleValue());
    }
    List<PartnerProject> accepted = PartnerProjects.of(task)
        .withStatus(ProjectStatus.ACCEPTED);
    execution.setVariableLocal("acceptedProjects", accepted.stream()
        .map(p -> p.id() + " | " + p.partner() + " | " + p.title() + " | "
            + p.budgetUsd().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining("\n")));
    execution.setVariableLocal("projectBudgets", accepted.stream()
        .map(p -> p.id() + " = " + p.budgetUsd().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining("\n")));
    execution.setVariableLocal("newCallDays", 0L);
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Map<String, Object> values = submittedForm(execution);
    PartnerProjects projects = PartnerProjects.of(execution);
    Set<String> accepted = projects.withStatus(ProjectStatus.ACCEPTED).stream()
        .map(PartnerProject::id).collect(Collectors.toSet());

    var form = new FormReader(values);
    String reason = form.text("revisionReason", true);
    BigDecimal requirement = form.money("indicativeRequirementUsd", false);
    List<String> withdrawn = form.lines("withdrawProjects", false);
    withdrawn = withdrawn == null ? List.of() : withdrawn;
    for (String id : withdrawn) {
      if (!accepted.contains(id)) {
        form.error("withdrawProjects", "names " + id + ", which is not an accepted project of"
            + " this appeal");
      }
    }
    Map<String, BigDecimal> budgets = budgets(form, projects, accepted, withdrawn);
    Long callDays = form.count("newCallDays", false);
    if (callDays != null && callDays > MAX_CALL_DAYS) {
      form.error("newCallDays", "is more than " + MAX_CALL_DAYS + " days");
    }
    form.throwIfInvalid();
    NeedsAssessment needs = inputs.assessment(values, user.recordedId());

    PartnerProjects revised = projects;
    for (String id : withdrawn) {
      revised = revised.with(revised.get(id).withdrawn());
    }
    for (var change : budgets.entrySet()) {
      revised = revised.with(revised.get(change.getKey()).withBudget(change.getValue()));
    }
    PlannedResponse plan = JsonVariables.read(execution, RESPONSE_PLAN, PlannedResponse.class);
    if (plan != null && requirement != null) {
      execution.setVariable(RESPONSE_PLAN, json(new PlannedResponse(plan.objectives(),
          plan.priorityActivities(), plan.targeted(), requirement, plan.submissionDeadline(),
          plan.draftedBy(), plan.draftedAt(), plan.activityPlans())));
    }
    OffsetDateTime now = AppealInputs.now();
    long days = callDays == null ? 0 : callDays;
    Number publicationDays = (Number) execution.getVariable(PUBLICATION_DEADLINE_DAYS);
    Object published = execution.getVariable("documentVersion");
    int version = (published == null ? 0 : ((Number) published).intValue()) + 1;

    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(NEEDS_ASSESSMENT, json(needs));
    execution.setVariable(PROJECTS, json(revised));
    execution.setVariable(SUBMISSION_DEADLINE, Date.from(now.plusDays(days).toInstant()));
    execution.setVariable(PUBLICATION_DEADLINE, Date.from(now.toInstant().plus(Duration.ofDays(
        publicationDays == null ? 7 : publicationDays.longValue()))));
    // The revised version is signed off and endorsed afresh: the previous version's approvals
    // and endorsement (kept in the history) do not count for it, in the form's check as in
    // FourEyesCheck.
    execution.removeVariable(AppealVariables.SIGN_OFFS);
    execution.setVariable(AppealVariables.SIGNED_OFF, false);
    execution.setVariable(AppealVariables.ENDORSED, false);
    execution.setVariable(REVISION, json(new AppealRevision(version, reason, withdrawn,
        budgets, days, user.recordedId(), now.toString())));
  }

  /**
   * The "project id = new total budget" lines whose amount differs from the project's budget
   * now; a line of a project not accepted, or withdrawn in the same revision, is refused.
   */
  private static Map<String, BigDecimal> budgets(FormReader form, PartnerProjects projects,
      Set<String> accepted, List<String> withdrawn) {
    Map<String, BigDecimal> budgets = new LinkedHashMap<>();
    List<String> lines = form.lines("projectBudgets", false);
    for (String line : lines == null ? List.<String>of() : lines) {
      String[] parts = line.split("=", 2);
      String id = parts[0].trim();
      if (parts.length < 2 || !accepted.contains(id)) {
        form.error("projectBudgets", "'" + line + "' is not 'accepted project id = new budget"
            + " in US$'");
        continue;
      }
      var amount = new FormReader(Map.of("amount", decimal(parts[1].trim())));
      BigDecimal budget = amount.money("amount", true);
      List<String> problems = new ArrayList<>();
      amount.errors().forEach(error -> problems.add(error.message()));
      if (budget != null && budget.signum() == 0) {
        problems.add("is 0: withdraw the project instead");
      }
      if (!problems.isEmpty()) {
        form.error("projectBudgets", id + ": " + String.join("; ", problems));
      } else if (!withdrawn.contains(id)
          && budget.compareTo(projects.get(id).budgetUsd()) != 0) {
        budgets.put(id, budget);
      }
    }
    return budgets;
  }

  private static Object decimal(String text) {
    try {
      return new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
