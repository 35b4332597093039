package org.eie.workflows.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code eie.training.*} settings.
 *
 * @param evaluationPeriodDays days after a country workshop ends within which the co-leads submit
 *                             the evaluation report and participant list (a rollout may set its
 *                             own with the start variable {@code evaluationPeriodDays})
 * @param reminderDaysBefore   how many days before that deadline the co-leads are reminded
 */
@ConfigurationProperties("eie.training")
public record TrainingProperties(Integer evaluationPeriodDays, Integer reminderDaysBefore) {

  public TrainingProperties {
    evaluationPeriodDays = evaluationPeriodDays == null ? 14 : evaluationPeriodDays;
    reminderDaysBefore = reminderDaysBefore == null ? 3 : reminderDaysBefore;
    if (evaluationPeriodDays < 1 || reminderDaysBefore < 0) {
      throw new IllegalStateException("eie.training: evaluation-period-days must be at least 1 and"
          + " reminder-days-before at least 0");
    }
  }
}
