package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.COUNTRIES;
import static org.eie.workflows.training.TrainingVariables.LANGUAGES;
import static org.eie.workflows.training.TrainingVariables.LESSONS_LEARNED;
import static org.eie.workflows.training.TrainingVariables.MODULES;
import static org.eie.workflows.training.TrainingVariables.PACKAGE_VERSION;
import static org.eie.workflows.training.TrainingVariables.REPORT_LANGUAGE;
import static org.eie.workflows.training.TrainingVariables.ROLLOUT_RESULTS;
import static org.eie.workflows.training.TrainingVariables.TRAINING_OF_TRAINERS;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.springframework.stereotype.Component;

/**
 * Renders the rollout report and stores it as the rollout's "training-report" document (a new
 * version each time it runs). Asynchronous with retries in the model: a failure ends as an
 * incident in Cockpit, never as a lost report.
 */
@Component
class ProduceRolloutReport implements JavaDelegate {

  static final String KIND = "training-report";

  private final RolloutReport report;
  private final DocumentStore documents;

  ProduceRolloutReport(RolloutReport report, DocumentStore documents) {
    this.report = report;
    this.documents = documents;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    String version = (String) execution.getVariable(PACKAGE_VERSION);
    var content = new RolloutReport.Content(version,
        (List<String>) execution.getVariable(MODULES),
        (List<String>) execution.getVariable(LANGUAGES),
        (TrainingOfTrainers) execution.getVariable(TRAINING_OF_TRAINERS),
        (RolloutResults) execution.getVariable(ROLLOUT_RESULTS),
        (String) execution.getVariable(LESSONS_LEARNED),
        ((List<String>) execution.getVariable(COUNTRIES)).size(),
        ClockUtil.now().toInstant());
    Object language = execution.getVariable(REPORT_LANGUAGE);
    Locale locale = Locale.forLanguageTag(language == null ? "en" : language.toString());
    byte[] pdf = report.render(content, locale);
    documents.store(execution.getProcessInstanceId(), KIND, null, locale.getLanguage(),
        "training-rollout-report-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", pdf);
  }
}
