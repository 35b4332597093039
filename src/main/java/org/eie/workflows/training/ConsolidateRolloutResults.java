package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.COUNTRY;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_REPORT;
import static org.eie.workflows.training.TrainingVariables.REMINDERS_SENT;
import static org.eie.workflows.training.TrainingVariables.ROLLOUT_RESULTS;
import static org.eie.workflows.training.TrainingVariables.TRAINING_OF_TRAINERS;
import static org.eie.workflows.training.TrainingVariables.WITHDRAWAL;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_DELIVERY;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_PLAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.training.TrainingRecords.CountryOutcome;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
import org.eie.workflows.variables.JsonVariables;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * Reads what each country's rollout (a finished sub-instance in the country's tenant) recorded and
 * stores the consolidated figures. Runs in the job that continues after the last country, so no
 * single country's user (who could see only their own country) is its caller.
 */
@Component
class ConsolidateRolloutResults implements JavaDelegate {

  private final HistoryService history;
  private final EieProperties eie;

  ConsolidateRolloutResults(HistoryService history, EieProperties eie) {
    this.history = history;
    this.eie = eie;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var outcomes = countryOutcomes(execution.getProcessInstanceId());
    var results = RolloutConsolidation.consolidate(outcomes,
        JsonVariables.read(execution, TRAINING_OF_TRAINERS, TrainingOfTrainers.class),
        code -> eie.countries().getOrDefault(code, code));
    execution.setVariable(ROLLOUT_RESULTS, JsonVariables.json(results));
  }

  List<CountryOutcome> countryOutcomes(String rolloutId) {
    List<String> countryInstances = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(rolloutId).processDefinitionKey(Processes.TRAINING_COUNTRY).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    if (countryInstances.isEmpty()) {
      return List.of();
    }
    Map<String, StoredVariables> stored = StoredVariables.of(history, countryInstances, COUNTRY,
        WORKSHOP_PLAN, WORKSHOP_DELIVERY, EVALUATION_REPORT, WITHDRAWAL, REMINDERS_SENT);
    List<CountryOutcome> outcomes = new ArrayList<>();
    for (String instance : countryInstances) {
      StoredVariables values = stored.get(instance);
      Long reminders = values.read(REMINDERS_SENT,
          value -> value instanceof Number n ? n.longValue() : StoredVariables.fail());
      outcomes.add(new CountryOutcome(values.text(COUNTRY),
          values.json(WORKSHOP_PLAN, JsonVariables.as(WorkshopPlan.class)),
          values.json(WORKSHOP_DELIVERY, JsonVariables.as(WorkshopDelivery.class)),
          values.json(EVALUATION_REPORT, JsonVariables.as(EvaluationReport.class)),
          values.json(WITHDRAWAL, JsonVariables.as(Withdrawal.class)),
          reminders == null ? 0 : reminders.intValue()));
      if (!values.damaged().isEmpty()) {
        // Consolidated without them, the report would show the country as if nothing happened.
        throw new IllegalStateException("The country rollout " + instance
            + " has variables that cannot be read: " + values.damaged());
      }
    }
    return outcomes;
  }
}
