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
import org.eie.workflows.variables.JsonVariables;
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
  public void execute(DelegateExecution execution) {
    String version = (String) execution.getVariable(PACKAGE_VERSION);
    var content = new RolloutReport.Content(version,
        JsonVariables.list(execution, MODULES, String.class),
        JsonVariables.list(execution, LANGUAGES, String.class),
        JsonVariables.read(execution, TRAINING_OF_TRAINERS, TrainingOfTrainers.class),
        JsonVariables.read(execution, ROLLOUT_RESULTS, RolloutResults.class),
        (String) execution.getVariable(LESSONS_LEARNED),
        JsonVariables.list(execution, COUNTRIES, String.class).size(),
        ClockUtil.now().toInstant());
    Object language = execution.getVariable(REPORT_LANGUAGE);
    Locale locale = Locale.forLanguageTag(language == null ? "en" : language.toString());
    byte[] pdf = report.render(content, locale);
    documents.store(execution.getProcessInstanceId(), KIND, null, locale.getLanguage(),
        "training-rollout-report-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", pdf);
  }
}
