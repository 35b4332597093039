package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.springframework.stereotype.Component;

/** The training of trainers as the Secretariat records it: dates, place and facilitators. */
@Component
class RecordTrainingOfTrainers implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var input = new FormInput(task.getVariables());
    String location = input.text("totLocation");
    var start = input.date("totStartDate");
    var end = input.date("totEndDate");
    FormInput.require(!end.isBefore(start), "totEndDate", "the training cannot end before it"
        + " starts (" + start + ")");
    var facilitators = input.facilitators("facilitators");
    task.getExecution().setVariable(TrainingVariables.TRAINING_OF_TRAINERS, TrainingVariables.json(
        new TrainingOfTrainers(location, start.toString(), end.toString(), facilitators)));
    for (String loose : new String[] {"totLocation", "totStartDate", "totEndDate",
        "facilitators"}) {
      task.getExecution().removeVariable(loose);
    }
  }
}
