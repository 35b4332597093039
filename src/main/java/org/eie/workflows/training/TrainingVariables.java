package org.eie.workflows.training;

/** Typed variables of the rollout: JSON, never Java serialization. */
final class TrainingVariables {

  static final String PACKAGE_VERSION = "packageVersion";
  static final String MODULES = "modules";
  static final String COUNTRIES = "countries";
  static final String LANGUAGES = "languages";
  static final String EVALUATION_PERIOD_DAYS = "evaluationPeriodDays";
  static final String REPORT_LANGUAGE = "reportLanguage";
  static final String TRAINING_OF_TRAINERS = "trainingOfTrainers";
  static final String WORKSHOP_PLAN = "workshopPlan";
  static final String WORKSHOP_GOES_AHEAD = "workshopGoesAhead";
  static final String WORKSHOP_DELIVERY = "workshopDelivery";
  static final String EVALUATION_DUE_AT = "evaluationDueAt";
  static final String EVALUATION_REMINDER_AT = "evaluationReminderAt";
  static final String EVALUATION_REPORT = "evaluationReport";
  static final String REMINDERS_SENT = "remindersSent";
  static final String WITHDRAWAL = "withdrawal";
  static final String ROLLOUT_RESULTS = "rolloutResults";
  static final String LESSONS_LEARNED = "lessonsLearned";
  static final String COUNTRY = "country";

  /** The message that withdraws a country from a running rollout. */
  static final String WITHDRAWAL_MESSAGE = "TrainingCountryWithdrawn";

  private TrainingVariables() {
  }
}
