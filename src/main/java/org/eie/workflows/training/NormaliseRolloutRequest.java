package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.COUNTRIES;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_PERIOD_DAYS;
import static org.eie.workflows.training.TrainingVariables.LANGUAGES;
import static org.eie.workflows.training.TrainingVariables.MODULES;
import static org.eie.workflows.training.TrainingVariables.PACKAGE_VERSION;
import static org.eie.workflows.training.TrainingVariables.REPORT_LANGUAGE;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Checks a new rollout however it was started (REST API, Tasklist start form, engine REST) and
 * stores its request as typed variables; a bad request fails the start, so nothing is created.
 */
@Component
class NormaliseRolloutRequest implements ExecutionListener {

  private final EieProperties eie;
  private final TrainingProperties training;

  NormaliseRolloutRequest(EieProperties eie, TrainingProperties training) {
    this.eie = eie;
    this.training = training;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var request = RolloutRequest.validated(execution.getVariables(), eie.countries().keySet(),
        training.evaluationPeriodDays());
    execution.setVariable(PACKAGE_VERSION, request.packageVersion());
    execution.setVariable(MODULES, JsonVariables.json(request.modules()));
    execution.setVariable(COUNTRIES, JsonVariables.json(request.countries()));
    execution.setVariable(LANGUAGES, JsonVariables.json(request.languages()));
    execution.setVariable(EVALUATION_PERIOD_DAYS, request.evaluationPeriodDays());
    execution.setVariable(REPORT_LANGUAGE, request.reportLanguage());
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      // started from Tasklist: a readable key for Cockpit, passed on to every country instance
      execution.setProcessBusinessKey(businessKey(request.packageVersion()));
    }
  }

  static String businessKey(String packageVersion) {
    return "training-" + packageVersion.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + LocalDateTime.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
