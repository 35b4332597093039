package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.ACTIVATED;
import static org.eie.workflows.appeal.AppealVariables.ACTIVATION;
import static org.eie.workflows.appeal.AppealVariables.json;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the co-leads' go / no-go with its reason; a no-go ends the appeal, recorded. */
@Component
class RecordActivation extends TaskCompletion {

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordActivation(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Activation activation = inputs.activation(submittedForm(execution), user.id());
    execution.removeVariables(List.of("activationReason", "appealLead"));
    execution.setVariable(ACTIVATION, json(activation));
    execution.setVariable(ACTIVATED, activation.activated());
  }
}
