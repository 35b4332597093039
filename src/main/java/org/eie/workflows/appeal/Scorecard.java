package org.eie.workflows.appeal;

/**
 * The cluster's common vetting scorecard (docs/domain.md, Process 1, step 6): each criterion is rated
 * 0 to 5 and weighted; strategic relevance 35, programmatic relevance 25, cost-effectiveness 15,
 * management and monitoring 15, accountability to affected people 10 (the "other criteria"), for a
 * score out of 100.
 */
public final class Scorecard {

  public static final int MAX_RATING = 5;
  public static final int STRATEGIC_RELEVANCE = 35;
  public static final int PROGRAMMATIC_RELEVANCE = 25;
  public static final int COST_EFFECTIVENESS = 15;
  public static final int MANAGEMENT_AND_MONITORING = 15;
  public static final int ACCOUNTABILITY = 10;

  /** The panel's ratings, 0-5 each. */
  public record Ratings(int strategicRelevance, int programmaticRelevance,
      int costEffectiveness, int managementAndMonitoring, int accountability) {
  }

  private Scorecard() {
  }

  /** The weighted score out of 100, rounded half up. */
  public static int weightedScore(Ratings ratings) {
    int points = STRATEGIC_RELEVANCE * ratings.strategicRelevance()
        + PROGRAMMATIC_RELEVANCE * ratings.programmaticRelevance()
        + COST_EFFECTIVENESS * ratings.costEffectiveness()
        + MANAGEMENT_AND_MONITORING * ratings.managementAndMonitoring()
        + ACCOUNTABILITY * ratings.accountability();
    return (points * 2 + MAX_RATING) / (2 * MAX_RATING);
  }
}
