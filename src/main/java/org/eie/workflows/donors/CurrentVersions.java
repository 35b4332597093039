package org.eie.workflows.donors;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of each appeal that went out to donors last, and what a new subscriber gets: the
 * current version of every appeal of their countries and appeal types that is still open
 * (waiting for its revision or being revised; not closed or cancelled), through the same
 * {@code appealDonorDelivery} as every publication, for that donor alone. The delivery ledger
 * keeps it to one e-mail per donor and version, whichever delivery gets there first.
 */
@Component
class CurrentVersions {

  private final JdbcClient jdbc;
  private final ProcessEngine engine;
  private final DeliveryLedger ledger;

  CurrentVersions(JdbcClient jdbc, ProcessEngine engine, DeliveryLedger ledger) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.ledger = ledger;
  }

  record Publication(String appealId, int version, String country, String appealType) {
  }

  /** Records that this version goes out to the appeal's donors (once; a repeat changes nothing). */
  void published(Publication publication) {
    if (jdbc.sql("select count(*) from eie_appeal_publication where appeal_id = ? and version = ?")
        .params(publication.appealId(), publication.version()).query(Integer.class).single() > 0) {
      return;
    }
    jdbc.sql("insert into eie_appeal_publication (appeal_id, version, country, appeal_type,"
            + " published_at) values (?, ?, ?, ?, ?)")
        .params(publication.appealId(), publication.version(), publication.country(),
            publication.appealType(), Timestamp.from(Instant.now()))
        .update();
  }

  /**
   * Starts the delivery of the current version of each open appeal the donor is subscribed to
   * and does not have yet; in the caller's transaction (a subscription that is not saved starts
   * nothing). The caller may subscribe this donor ({@link DonorAccess}); which appeals are open
   * and the start of their delivery are the system's own business, as when an appeal is
   * published, so they run past the caller's engine authorizations.
   */
  void deliverTo(Donor donor) {
    if (!donor.active()) {
      return;
    }
    List<Publication> current = jdbc.sql("select appeal_id, version, country, appeal_type"
            + " from eie_appeal_publication p where version = (select max(version)"
            + " from eie_appeal_publication q where q.appeal_id = p.appeal_id)")
        .query((rs, row) -> new Publication(rs.getString("appeal_id"), rs.getInt("version"),
            rs.getString("country"), rs.getString("appeal_type")))
        .list().stream()
        .filter(p -> donor.countries().contains(p.country())
            || donor.appealTypes().contains(p.appealType()))
        .filter(p -> ledger.find(p.appealId(), p.version(), donor.id()).isEmpty())
        .toList();
    if (current.isEmpty()) {
      return;
    }
    asTheSystem(() -> {
      var runtime = engine.getRuntimeService();
      Set<String> open = runtime.createProcessInstanceQuery()
          .processInstanceIds(current.stream().map(Publication::appealId)
              .collect(Collectors.toSet()))
          .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
      current.stream().filter(p -> open.contains(p.appealId())).forEach(p -> runtime
          .createProcessInstanceByKey(Processes.APPEAL_DONOR_DELIVERY)
          .businessKey(p.appealId())
          .setVariable(AppealDonorDelivery.APPEAL_ID, p.appealId())
          .setVariable(AppealDonorDelivery.COUNTRY, p.country())
          .setVariable(AppealDonorDelivery.APPEAL_TYPE, p.appealType())
          .setVariable(AppealDonorDelivery.DOCUMENT_VERSION, p.version())
          .setVariable(AppealDonorDelivery.SUBSCRIBER_ID, donor.id())
          .execute());
      return null;
    });
  }

  private <T> T asTheSystem(Callable<T> work) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(command -> {
      command.disableTenantCheck();
      try {
        return command.runWithoutAuthorization(work);
      } finally {
        command.enableTenantCheck();
      }
    });
  }
}
