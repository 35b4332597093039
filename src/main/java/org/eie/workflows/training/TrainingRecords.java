package org.eie.workflows.training;

import java.util.List;
import java.util.Map;

/**
 * The typed process variables of the rollout, stored as JSON (dates as ISO-8601 text, so that any
 * REST client and Cockpit read them without Java types).
 */
final class TrainingRecords {

  private TrainingRecords() {
  }

  /** A facilitator trained at the training of trainers, with the plan to pass the training on. */
  record Facilitator(String name, String organisation, String country, String disseminationPlan) {
  }

  record TrainingOfTrainers(String location, String startDate, String endDate,
      List<Facilitator> facilitators) {
  }

  /** The co-leads' workshop plan; {@code goesAhead} false withdraws the country. */
  record WorkshopPlan(String location, String plannedStartDate, String plannedEndDate,
      String leadFacilitators, boolean goesAhead) {
  }

  /** What happened at the country workshop, and when its evaluation is due. */
  record WorkshopDelivery(String startDate, String endDate, int female, int male,
      int otherOrUndisclosed, Map<String, Integer> participantsByOrganisation,
      List<Double> preTestScores, List<Double> postTestScores, String evaluationDueAt) {

    int participants() {
      return female + male + otherOrUndisclosed;
    }
  }

  record EvaluationReport(String submittedAt, boolean late, String summary,
      List<String> participantList) {
  }

  /** Why and when a country left the rollout; {@code stage} says at which step. */
  record Withdrawal(String reason, String withdrawnBy, String withdrawnAt, String stage) {
  }

  /** Everything a country's rollout produced, read back when the countries are consolidated. */
  record CountryOutcome(String country, WorkshopPlan plan, WorkshopDelivery delivery,
      EvaluationReport evaluation, Withdrawal withdrawal, int remindersSent) {
  }
}
