package org.eie.workflows.donors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record: no mail server configured": the deliveries read "not sent: no mail server configured"
 * in the API and the instance's {@code deliveryStatus} says so in Cockpit, until a re-check finds
 * a server.
 */
@Component
class RecordMailServerMissing implements JavaDelegate {

  private final DeliveryLedger ledger;

  RecordMailServerMissing(DeliveryLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.markWaitingForMailServer((String) execution.getVariable(AppealDonorDelivery.APPEAL_ID),
        ((Number) execution.getVariable(AppealDonorDelivery.DOCUMENT_VERSION)).intValue());
    execution.setVariable(AppealDonorDelivery.DELIVERY_STATUS, DeliveryLedger.NO_MAIL_SERVER);
  }
}
