package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.springframework.stereotype.Component;

/** The training of trainers as the Secretariat records it: dates, place and facilitators. */
@Component
class RecordTrainingOfTrainers implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (country withdrawn, evaluation closed): nothing to record
    }
    var input = new FormInput(execution.getVariables());
    String location = input.text("totLocation");
    var start = input.date("totStartDate");
    var end = input.date("totEndDate");
    FormInput.require(!end.isBefore(start), "totEndDate", "the training cannot end before it"
        + " starts (" + start + ")");
    var facilitators = input.facilitators("facilitators");
    execution.setVariable(TrainingVariables.TRAINING_OF_TRAINERS, TrainingVariables.json(
        new TrainingOfTrainers(location, start.toString(), end.toString(), facilitators)));
    for (String loose : new String[] {"totLocation", "totStartDate", "totEndDate",
        "facilitators"}) {
      execution.removeVariable(loose);
    }
  }
}
