package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The appeal's figures consolidated from the accepted projects (the process variable
 * {@code consolidation}), and what does not fit the response plan.
 *
 * @param byActivity      requirement per plan activity, largest first
 * @param byPartner       requirement per partner organisation, largest first
 * @param byArea          requirement per location; a project in several locations counts an
 *                        equal share in each (the project form has no budget per location)
 * @param targeted        people targeted, summed over accepted projects
 * @param inconsistencies what the co-leads must look at before signing off
 */
public record Consolidation(int acceptedProjects, int partners, BigDecimal totalUsd,
    List<Line> byActivity, List<Line> byPartner, List<Line> byArea, PeopleTargeted targeted,
    PeopleBreakdown people, List<Inconsistency> inconsistencies, String consolidatedAt) {

  public boolean consistent() {
    return inconsistencies.isEmpty();
  }

  /** One row of a requirements table: a key, how many projects contribute, the amount in USD. */
  public record Line(String key, int projects, BigDecimal amountUsd) {
  }

  /** People targeted by sex, by age group and by disability. */
  public record PeopleBreakdown(long female, long male, long children, long adults,
      long withDisabilities, long total) {

    static PeopleBreakdown of(PeopleTargeted people) {
      return new PeopleBreakdown(people.female(), people.male(), people.children(),
          people.adults(), people.withDisabilities(), people.total());
    }
  }

  /**
   * Something that does not fit: reported, never silently dropped.
   *
   * @param projectId the project concerned, or null for the appeal as a whole
   * @param code      ACTIVITY_OUTSIDE_PLAN, LOCATION_OUTSIDE_AFFECTED_AREAS,
   *                  TARGET_EXCEEDS_NEED, NO_ACCEPTED_PROJECTS
   */
  public record Inconsistency(String projectId, String code, String message) {
  }
}
