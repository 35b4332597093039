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
 */
public record PlannedResponse(List<String> objectives, List<String> priorityActivities,
    PeopleTargeted targeted, BigDecimal indicativeRequirementUsd, String submissionDeadline,
    String draftedBy, String draftedAt) {

  public PlannedResponse withPriorityActivities(List<String> activities) {
    return new PlannedResponse(objectives, List.copyOf(activities), targeted,
        indicativeRequirementUsd, submissionDeadline, draftedBy, draftedAt);
  }
}
