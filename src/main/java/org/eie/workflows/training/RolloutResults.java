package org.eie.workflows.training;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The consolidated rollout, what the report shows: every figure computed once, here, by
 * {@link RolloutConsolidation}.
 */
record RolloutResults(List<CountryResult> countriesReached, List<WithdrawnCountry> countriesWithdrawn,
    int workshops, int participantsFemale, int participantsMale, int participantsOther,
    int participantsTotal, BigDecimal averagePreTestScore, BigDecimal averagePostTestScore,
    BigDecimal averageScoreGain, int lateEvaluations, int facilitatorsTrained) {

  /** One country whose workshop took place. Scores are percentages, rounded to one decimal. */
  record CountryResult(String country, String countryName, String location, String startDate,
      String endDate, int female, int male, int other, int total,
      Map<String, Integer> participantsByOrganisation, BigDecimal averagePreTestScore,
      BigDecimal averagePostTestScore, BigDecimal averageScoreGain, String evaluationSubmittedAt,
      boolean evaluationLate, int remindersSent) {
  }

  record WithdrawnCountry(String country, String countryName, String reason, String stage,
      String withdrawnAt) {
  }
}
