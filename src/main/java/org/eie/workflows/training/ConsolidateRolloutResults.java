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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.training.TrainingRecords.CountryOutcome;
import org.eie.workflows.training.TrainingRecords.EvaluationReport;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
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
        (TrainingOfTrainers) execution.getVariable(TRAINING_OF_TRAINERS),
        code -> eie.countries().getOrDefault(code, code));
    execution.setVariable(ROLLOUT_RESULTS, TrainingVariables.json(results));
  }

  List<CountryOutcome> countryOutcomes(String rolloutId) {
    List<String> countryInstances = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(rolloutId).processDefinitionKey(Processes.TRAINING_COUNTRY).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    if (countryInstances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(countryInstances.toArray(String[]::new))
        .variableNameIn(COUNTRY, WORKSHOP_PLAN, WORKSHOP_DELIVERY, EVALUATION_REPORT, WITHDRAWAL,
            REMINDERS_SENT)
        .list()) {
      byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    List<CountryOutcome> outcomes = new ArrayList<>();
    for (String instance : countryInstances) {
      var values = byInstance.getOrDefault(instance, Map.of());
      Object reminders = values.get(REMINDERS_SENT);
      outcomes.add(new CountryOutcome((String) values.get(COUNTRY),
          (WorkshopPlan) values.get(WORKSHOP_PLAN), (WorkshopDelivery) values.get(WORKSHOP_DELIVERY),
          (EvaluationReport) values.get(EVALUATION_REPORT), (Withdrawal) values.get(WITHDRAWAL),
          reminders instanceof Number n ? n.intValue() : 0));
    }
    return outcomes;
  }
}
