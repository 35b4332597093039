package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The co-leads' response plan: what partner projects must fit.
 *
 * @param objectives               one per line as entered
 * @param priorityActivities       {@link PriorityActivity} names the plan covers
 * @param targeted                 people the response targets
 * @param indicativeRequirementUsd the estimate before projects come in
 * @param submissionDeadline       when the call for partner projects closes (ISO-8601)
 * @param activityPlans            per priority activity, its indicator, target and indicative
 *                                 requirement where the co-leads entered them (a plan drafted
 *                                 before these fields existed has none)
 */
public record PlannedResponse(List<String> objectives, List<String> priorityActivities,
    PeopleTargeted targeted, BigDecimal indicativeRequirementUsd, String submissionDeadline,
    String draftedBy, String draftedAt, List<ActivityPlan> activityPlans) {

  public PlannedResponse {
    activityPlans = activityPlans == null ? List.of() : List.copyOf(activityPlans);
  }

  public PlannedResponse(List<String> objectives, List<String> priorityActivities,
      PeopleTargeted targeted, BigDecimal indicativeRequirementUsd, String submissionDeadline,
      String draftedBy, String draftedAt) {
    this(objectives, priorityActivities, targeted, indicativeRequirementUsd, submissionDeadline,
        draftedBy, draftedAt, List.of());
  }

  public PlannedResponse withPriorityActivities(List<String> activities) {
    return new PlannedResponse(objectives, List.copyOf(activities), targeted,
        indicativeRequirementUsd, submissionDeadline, draftedBy, draftedAt, activityPlans);
  }

  /** The plan's details of one activity, or null when none were entered. */
  public ActivityPlan activityPlan(String activity) {
    return activityPlans.stream().filter(a -> a.activity().equals(activity)).findFirst()
        .orElse(null);
  }

  /**
   * What the plan sets for one priority activity; each part null when not entered.
   *
   * @param indicator                how progress is measured
   * @param target                   the indicator's target
   * @param indicativeRequirementUsd the activity's share of the plan's estimate
   */
  public record ActivityPlan(String activity, String indicator, BigDecimal target,
      BigDecimal indicativeRequirementUsd) {
  }
}
