package org.eie.workflows.donors;

import static org.eie.workflows.donors.AppealDonorDelivery.APPEAL_ID;
import static org.eie.workflows.donors.AppealDonorDelivery.APPEAL_TYPE;
import static org.eie.workflows.donors.AppealDonorDelivery.COUNTRY;
import static org.eie.workflows.donors.AppealDonorDelivery.DOCUMENT_KIND;
import static org.eie.workflows.donors.AppealDonorDelivery.DOCUMENT_VERSION;
import static org.eie.workflows.donors.AppealDonorDelivery.DONOR_COUNT;
import static org.eie.workflows.donors.AppealDonorDelivery.DONOR_IDS;
import static org.eie.workflows.donors.AppealDonorDelivery.SUBSCRIBER_ID;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * "Select subscribed donors": every active donor subscribed to the appeal's country or type gets
 * a delivery row for this version (an existing one is kept: a repeat selects, never duplicates);
 * for a new subscriber's delivery of the current version ({@link CurrentVersions}), that donor
 * alone. A publication is recorded as the appeal's current version.
 */
@Component
class SelectSubscribedDonors implements JavaDelegate {

  private final DonorRegistry registry;
  private final DeliveryLedger ledger;
  private final DocumentStore documents;
  private final CurrentVersions currentVersions;

  SelectSubscribedDonors(DonorRegistry registry, DeliveryLedger ledger, DocumentStore documents,
      CurrentVersions currentVersions) {
    this.currentVersions = currentVersions;
    this.registry = registry;
    this.ledger = ledger;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String appealId = (String) execution.getVariable(APPEAL_ID);
    String country = (String) execution.getVariable(COUNTRY);
    String appealType = (String) execution.getVariable(APPEAL_TYPE);
    int version = ((Number) execution.getVariable(DOCUMENT_VERSION)).intValue();
    if (documents.rendering(appealId, DOCUMENT_KIND, version, null).isEmpty()) {
      // Retried, then an incident: the appeal's document must exist before donors get it.
      throw new IllegalStateException("Appeal " + appealId + " has no stored document version "
          + version + " (kind '" + DOCUMENT_KIND + "')");
    }
    String subscriber = (String) execution.getVariable(SUBSCRIBER_ID);
    if (subscriber == null) {
      currentVersions.published(
          new CurrentVersions.Publication(appealId, version, country, appealType));
    }
    var donorIds = new ArrayList<String>();
    for (Donor donor : registry.subscribedTo(country, appealType)) {
      if (subscriber == null || subscriber.equals(donor.id())) {
        donorIds.add(ledger.open(appealId, version, country, appealType, donor).donorId());
      }
    }
    execution.setVariable(DONOR_IDS, JsonVariables.json(donorIds));
    execution.setVariable(DONOR_COUNT, donorIds.size());
  }
}
