package org.eie.workflows.donors;

import org.eie.workflows.Processes;
import org.eie.workflows.forms.NotFound;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.identity.RoleActions;
import org.springframework.stereotype.Component;

/**
 * Retries an appeal's donor deliveries that have used up their back-off steps (an incident in
 * Cockpit), now rather than never. Nobody but administrators may change job retries through the
 * Camunda REST API; the Secretariat, the global co-leads and the appeal's country co-leads do it
 * here, with a reason that is recorded ({@link RoleActions}).
 */
@Component
class DeliveryRetry {


  private final RuntimeService runtime;
  private final ManagementService management;
  private final RoleActions actions;

  DeliveryRetry(RuntimeService runtime, ManagementService management, RoleActions actions) {
    this.runtime = runtime;
    this.management = management;
    this.actions = actions;
  }

  /** Returns how many failed deliveries were sent back to the job executor. */
  int retry(String appealId, String reason) {
    // As the caller: another country's appeal yields nothing here, exactly like an unknown one.
    // The publications' deliveries and those started for new subscribers alike.
    List<ProcessInstance> deliveries = runtime.createProcessInstanceQuery()
        .processDefinitionKey(Processes.APPEAL_DONOR_DELIVERY)
        .variableValueEquals(AppealDonorDelivery.APPEAL_ID, appealId).list();
    if (deliveries.isEmpty()) {
      throw new NotFound("No donor delivery of appeal " + appealId + " is running");
    }
    List<String> failed = deliveries.stream()
        .flatMap(delivery -> management.createJobQuery().processInstanceId(delivery.getId())
            .noRetriesLeft().list().stream())
        .map(Job::getId).toList();
    if (failed.isEmpty()) {
      return 0;
    }
    String country = deliveries.get(0).getTenantId();
    return actions.take("retry failed donor deliveries", appealId, country, reason,
        List.of(Groups.SECRETARIAT, Groups.GLOBAL_CO_LEADS, Groups.coLeadsOf(country)), () -> {
          management.setJobRetries(failed, 1);
          return failed.size();
        });
  }
}
