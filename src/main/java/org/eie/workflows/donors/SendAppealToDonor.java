package org.eie.workflows.donors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send appeal to donor", one instance per donor: e-mails the appeal unless the donor has it.
 * A failure propagates, so the engine retries with back-off and finally raises an incident for
 * this donor alone.
 */
@Component
class SendAppealToDonor implements JavaDelegate {

  private final AppealDelivery delivery;

  SendAppealToDonor(AppealDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean sentNow = delivery.deliver(
        (String) execution.getVariable(AppealDonorDelivery.APPEAL_ID),
        ((Number) execution.getVariable(AppealDonorDelivery.DOCUMENT_VERSION)).intValue(),
        (String) execution.getVariable(AppealDonorDelivery.DONOR_ID));
    // Local to this donor's instance: parallel instances never write the same variable.
    execution.setVariableLocal("delivered", sentNow ? "sent now" : "had it already");
  }
}
