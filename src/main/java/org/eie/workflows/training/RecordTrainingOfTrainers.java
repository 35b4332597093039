package org.eie.workflows.training;

import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.training.TrainingRecords.Facilitator;
import org.eie.workflows.forms.FormReader;
import java.util.List;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/** The training of trainers as the Secretariat records it: dates, place and facilitators. */
@Component
class RecordTrainingOfTrainers extends TaskCompletion {

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    String location = form.text("totLocation", true);
    var start = form.date("totStartDate", true);
    var end = form.date("totEndDate", true);
    var facilitators = facilitators(form, "facilitators");
    form.throwIfInvalid();
    form.check(!end.isBefore(start), "totEndDate", "the training cannot end before it"
        + " starts (" + start + ")");
    form.throwIfInvalid();
    execution.setVariable(TrainingVariables.TRAINING_OF_TRAINERS, JsonVariables.json(
        new TrainingOfTrainers(location, start.toString(), end.toString(), facilitators)));
    for (String loose : new String[] {"totLocation", "totStartDate", "totEndDate",
        "facilitators"}) {
      execution.removeVariable(loose);
    }
  }

  /** Lines "Name; Organisation; Country; Dissemination plan"; a malformed line is a problem. */
  static List<Facilitator> facilitators(FormReader form, String field) {
    List<Facilitator> facilitators = new ArrayList<>();
    for (String line : form.lines(field, true)) {
      String[] parts = line.split(";", 4);
      if (parts.length < 4 || parts[0].isBlank() || parts[3].isBlank()) {
        form.error(field, "write one facilitator per line as"
            + " 'Name; Organisation; Country; Dissemination plan', not '" + line + "'");
      } else {
        facilitators.add(new Facilitator(parts[0].strip(), parts[1].strip(), parts[2].strip(),
            parts[3].strip()));
      }
    }
    return facilitators;
  }
}
