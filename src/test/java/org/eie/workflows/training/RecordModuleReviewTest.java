package org.eie.workflows.training;

import java.util.Map;

/** The working group's verdict on a module: aligned, or back to the Secretariat for revision. */
class RecordModuleReviewTest extends VerdictRecorderTest {

  RecordModuleReviewTest() {
    super("recordModuleReview", new RecordModuleReview(), "Task_ConfirmModuleAlignment",
        "moduleAligned", "alignmentComment", Map.of("module", "Module 1"), "wg.member",
        "inee-standards-practice-wg");
  }
}
