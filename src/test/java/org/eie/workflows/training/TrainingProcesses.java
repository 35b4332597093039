package org.eie.workflows.training;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.identity.EieProperties;

/**
 * Both training diagrams deployed on the in-memory engine with their real delegates and
 * listeners, for the process tests of this package. The rollout report is rendered and stored by
 * the application (a document store in its database): its step is an asynchronous job these
 * tests leave unexecuted.
 */
final class TrainingProcesses {

  static final EieProperties COUNTRIES = new EieProperties(true, null,
      Map.of("NG", "Nigeria", "CO", "Colombia"));
  static final TrainingProperties TRAINING = new TrainingProperties(null, null);

  private TrainingProcesses() {
  }

  /** The engine, with both diagrams deployed and camunda-bpm-assert pointed at it. */
  static ProcessEngine deployed() {
    ProcessEngine engine = InMemoryEngine.engine();
    var user = InMemoryEngine.currentUser();
    InMemoryEngine.with(Map.of(
        "normaliseRolloutRequest", new NormaliseRolloutRequest(COUNTRIES, TRAINING),
        "recordModuleReview", new RecordModuleReview(),
        "recordTranslationReview", new RecordTranslationReview(),
        "recordTrainingOfTrainers", new RecordTrainingOfTrainers(),
        "consolidateRolloutResults",
        new ConsolidateRolloutResults(engine.getHistoryService(), COUNTRIES),
        "recordLessonsLearned", new RecordLessonsLearned(),
        "recordWorkshopPlan", new RecordWorkshopPlan(user),
        "recordWorkshopDelivery", new RecordWorkshopDelivery(TRAINING),
        "recordEvaluationReport", new RecordEvaluationReport(),
        "remindEvaluationDue", new RemindEvaluationDue()));
    InMemoryEngine.deploy("bpmn/training/trainingPackageRollout.bpmn",
        "bpmn/training/trainingCountryRollout.bpmn");
    BpmnAwareTests.init(engine);
    return engine;
  }
}
