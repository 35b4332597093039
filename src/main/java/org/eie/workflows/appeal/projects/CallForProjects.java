package org.eie.workflows.appeal.projects;

import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.AppealRevision;
import org.eie.workflows.appeal.AppealTrigger;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.PlannedResponse;
import org.eie.workflows.tasklist.Figures;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What a partner's submission form shows of the appeal, handed to the partner's sub-process by
 * its call activity: the emergency, the affected areas, the plan's objectives and its priority
 * activities with their targets. The appeal's other data (other projects, vetting, sign-offs,
 * needs figures) stays with the appeal.
 */
@Component
public class CallForProjects {

  /** The emergency's name, for the partner's task name and list. */
  public String emergency(DelegateExecution appeal) {
    return JsonVariables.read(appeal, TRIGGER, AppealTrigger.class).emergencyType();
  }

  /**
   * Whether a revision opens a new call for partner projects: only when it stays open at least a
   * day. A call of 0 days would open a partner's task whose deadline has already passed, which
   * the deadline's timer takes away again within a second.
   */
  public boolean opensAgain(DelegateExecution appeal) {
    AppealRevision revision = JsonVariables.read(appeal, AppealVariables.REVISION,
        AppealRevision.class);
    return revision != null && revision.newCallDays() > 0;
  }

  /**
   * The appeal's affected areas, one a line, for the partner's sub-instance: a project's
   * locations must be among them ({@link RecordPartnerProject}).
   */
  public String affectedAreas(DelegateExecution appeal) {
    return String.join("\n",
        JsonVariables.read(appeal, TRIGGER, AppealTrigger.class).affectedAreas());
  }

  /** The call's context as text for people. */
  public String summary(DelegateExecution appeal) {
    return text(JsonVariables.read(appeal, TRIGGER, AppealTrigger.class),
        JsonVariables.read(appeal, RESPONSE_PLAN, PlannedResponse.class));
  }

  static String text(AppealTrigger trigger, PlannedResponse plan) {
    String activities = plan.priorityActivities().stream().map(activity -> {
      PlannedResponse.ActivityPlan details = plan.activityPlan(activity);
      String line = "  - " + Figures.label(activity);
      if (details != null && details.indicator() != null) {
        line += ": " + details.indicator()
            + (details.target() == null ? "" : ", target " + Figures.count(details.target()));
      }
      return line;
    }).collect(Collectors.joining("\n"));
    return "Emergency: " + trigger.emergencyType() + "\n"
        + "Affected areas (each project location must be one of them): "
        + String.join(", ", trigger.affectedAreas()) + "\n\n"
        + "Objectives of the response plan:\n" + bullets(plan.objectives()) + "\n\n"
        + "Priority activities (projects budget only these):\n" + activities;
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "  - " + line).collect(Collectors.joining("\n"));
  }
}
