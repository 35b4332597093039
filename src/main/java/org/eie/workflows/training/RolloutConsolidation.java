package org.eie.workflows.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eie.workflows.training.RolloutResults.CountryResult;
import org.eie.workflows.training.RolloutResults.WithdrawnCountry;
import org.eie.workflows.training.TrainingRecords.CountryOutcome;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;

/**
 * Consolidates the countries' outcomes into the rollout's figures. A country counts as reached
 * when its workshop was delivered and it was not withdrawn. A country's score gain is the mean
 * post-test score minus the mean pre-test score of its participants; the rollout's gain is computed
 * the same way over every participant's score of every reached country (so a large workshop
 * weighs more than a small one).
 */
final class RolloutConsolidation {

  private RolloutConsolidation() {
  }

  static RolloutResults consolidate(List<CountryOutcome> outcomes, TrainingOfTrainers trainers,
      Function<String, String> countryName) {
    List<CountryResult> reached = new ArrayList<>();
    List<WithdrawnCountry> withdrawn = new ArrayList<>();
    List<Double> allPre = new ArrayList<>();
    List<Double> allPost = new ArrayList<>();
    int female = 0;
    int male = 0;
    int other = 0;
    int late = 0;
    for (CountryOutcome outcome : outcomes) {
      String name = countryName.apply(outcome.country());
      if (outcome.withdrawal() != null || outcome.delivery() == null) {
        var withdrawal = outcome.withdrawal();
        withdrawn.add(new WithdrawnCountry(outcome.country(), name,
            withdrawal == null ? null : withdrawal.reason(),
            withdrawal == null ? null : withdrawal.stage(),
            withdrawal == null ? null : withdrawal.withdrawnAt()));
        continue;
      }
      WorkshopDelivery delivery = outcome.delivery();
      female += delivery.female();
      male += delivery.male();
      other += delivery.otherOrUndisclosed();
      allPre.addAll(delivery.preTestScores());
      allPost.addAll(delivery.postTestScores());
      BigDecimal pre = mean(delivery.preTestScores());
      BigDecimal post = mean(delivery.postTestScores());
      boolean evaluationLate = outcome.evaluation() != null && outcome.evaluation().late();
      if (evaluationLate) {
        late++;
      }
      reached.add(new CountryResult(outcome.country(), name,
          outcome.plan() == null ? null : outcome.plan().location(), delivery.startDate(),
          delivery.endDate(), delivery.female(), delivery.male(), delivery.otherOrUndisclosed(),
          delivery.participants(), delivery.participantsByOrganisation(), round(pre), round(post),
          round(post.subtract(pre)),
          outcome.evaluation() == null ? null : outcome.evaluation().submittedAt(),
          evaluationLate, outcome.remindersSent()));
    }
    reached.sort(Comparator.comparing(CountryResult::countryName));
    withdrawn.sort(Comparator.comparing(WithdrawnCountry::countryName));
    BigDecimal pre = mean(allPre);
    BigDecimal post = mean(allPost);
    int facilitators = trainers == null || trainers.facilitators() == null ? 0
        : trainers.facilitators().size();
    return new RolloutResults(reached, withdrawn, reached.size(), female, male, other,
        female + male + other, allPre.isEmpty() ? null : round(pre),
        allPost.isEmpty() ? null : round(post),
        allPre.isEmpty() ? null : round(post.subtract(pre)), late, facilitators);
  }

  /** Unrounded mean, so that a gain is the difference of exact means, rounded once. */
  private static BigDecimal mean(List<Double> scores) {
    if (scores == null || scores.isEmpty()) {
      return BigDecimal.ZERO;
    }
    BigDecimal sum = scores.stream().map(BigDecimal::valueOf)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(scores.size()), 10, RoundingMode.HALF_UP);
  }

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }

  /** Participants by organisation summed over all reached countries (for the report). */
  static Map<String, Integer> organisations(RolloutResults results) {
    var total = new java.util.TreeMap<String, Integer>();
    results.countriesReached().forEach(country -> country.participantsByOrganisation()
        .forEach((organisation, count) -> total.merge(organisation, count, Integer::sum)));
    return total;
  }
}
