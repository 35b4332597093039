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
  private final VersionChanges changes;

  SendAppealToDonor(AppealDelivery delivery, VersionChanges changes) {
    this.delivery = delivery;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int version = ((Number) execution.getVariable(AppealDonorDelivery.DOCUMENT_VERSION))
        .intValue();
    boolean sentNow = delivery.deliver(
        (String) execution.getVariable(AppealDonorDelivery.APPEAL_ID), version,
        (String) execution.getVariable(AppealDonorDelivery.DONOR_ID),
        changesOf(execution, version));
    // Local to this donor's instance: parallel instances never write the same variable.
    execution.setVariableLocal("delivered", sentNow ? "sent now" : "had it already");
  }

  /**
   * What changed in this version, as the appeal that calls this delivery recorded it when the
   * version was generated; null for a first version, or a delivery started on its own.
   */
  private ChangeSummary changesOf(DelegateExecution execution, int version) {
    DelegateExecution appeal = execution.getProcessInstance().getSuperExecution();
    ChangeSummary summary = appeal == null ? null : changes.recordedBy(appeal);
    return summary != null && summary.sinceVersion() < version ? summary : null;
  }
}
