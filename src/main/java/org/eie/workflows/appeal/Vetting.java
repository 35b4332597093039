package org.eie.workflows.appeal;

/**
 * One review of a project by the co-leads' panel: the scorecard's ratings, the weighted score,
 * the decision and its comment.
 *
 * @param ratings       0-5 per criterion
 * @param weightedScore 0-100, see {@link Scorecard}
 * @param decision      ACCEPT, RETURN or REJECT
 */
public record Vetting(Scorecard.Ratings ratings, int weightedScore, String decision,
    String comment, String vettedBy, String vettedAt) {
}
