package org.eie.workflows.appeal;

import java.util.List;
import java.util.stream.Collectors;
import org.eie.workflows.tasklist.Figures;

/**
 * The consolidated appeal as text for people, for the read-only part of the review and sign-off
 * forms: activities by name, amounts with thousands separators and the currency, and the figures'
 * state: consistent with the plan, to resolve, or confirmed by the co-leads as they stand.
 */
final class ConsolidationText {

  private ConsolidationText() {
  }

  static String of(Consolidation c) {
    return of(c, null);
  }

  /**
   * @param review the co-leads' last review, or null; a confirmation given after this
   *               consolidation replaces "to resolve" by who confirmed the figures
   */
  static String of(Consolidation c, ConsolidationReview review) {
    var people = c.people();
    String text = "Accepted projects: " + c.acceptedProjects() + " from " + c.partners()
        + " partners\nTotal requirement: " + Figures.usd(c.totalUsd())
        + "\n\nBy activity:\n" + lines(c.byActivity(), true)
        + "\n\nBy partner:\n" + lines(c.byPartner(), false)
        + "\n\nBy area:\n" + lines(c.byArea(), false)
        + "\n\nPeople targeted: " + Figures.count(people.total()) + " (female "
        + Figures.count(people.female()) + ", male " + Figures.count(people.male())
        + "; children " + Figures.count(people.children()) + ", adults "
        + Figures.count(people.adults()) + "; with disabilities "
        + Figures.count(people.withDisabilities()) + ")";
    return text + "\n\n" + state(c, review);
  }

  static String state(Consolidation c, ConsolidationReview review) {
    if (c.consistent()) {
      return "State: consistent with the response plan.";
    }
    String differences = c.inconsistencies().stream().map(i -> "  - " + i.message())
        .collect(Collectors.joining("\n"));
    if (confirmedAfter(c, review)) {
      return "State: confirmed as they stand by " + review.reviewedBy()
          + (review.comment() == null ? "" : " (\"" + review.comment() + "\")")
          + ", with these differences from the plan:\n" + differences;
    }
    return "State: to resolve before sign-off (amend the plan, or confirm the figures with a"
        + " reason):\n" + differences;
  }

  private static boolean confirmedAfter(Consolidation c, ConsolidationReview review) {
    return review != null && "CONFIRM".equals(review.decision()) && review.reviewedAt() != null
        && (c.consolidatedAt() == null || review.reviewedAt().compareTo(c.consolidatedAt()) >= 0);
  }

  private static String lines(List<Consolidation.Line> lines, boolean activities) {
    if (lines.isEmpty()) {
      return "  (none)";
    }
    return lines.stream().map(l -> "  - " + (activities ? Figures.label(l.key()) : l.key())
            + ": " + Figures.usd(l.amountUsd())
            + " (" + l.projects() + (l.projects() == 1 ? " project)" : " projects)"))
        .collect(Collectors.joining("\n"));
  }
}
