package org.eie.workflows.training;

import java.util.Map;

/** A Language Community's validation of its translation: validated, or back with what to fix. */
class RecordTranslationReviewTest extends VerdictRecorderTest {

  RecordTranslationReviewTest() {
    super("recordTranslationReview", new RecordTranslationReview(), "Task_ValidateTranslation",
        "translationValidated", "validationComment", Map.of("language", "fr"), "fr.reviewer",
        "language-fr");
  }
}
