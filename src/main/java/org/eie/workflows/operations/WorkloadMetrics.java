package org.eie.workflows.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What administrators scrape at {@code /actuator/prometheus} about the work, beside the JVM's and
 * Spring's own meters and ours counted where they happen (documents rendered and their render
 * time, donor e-mails sent and failed attempts):
 *
 * <ul>
 *   <li>{@code camunda_jobs_executed} / {@code camunda_jobs_failed}: successful and failed job
 *       executions, all nodes together, counted in the engine's job log. The log is written in
 *       the job's own transaction, so the figures match the record even after a node is killed;
 *       the engine's in-memory job counters, written out every few minutes, lose a killed node's
 *       last ones. History clean-up removes a process's log after its history time to live (ten
 *       years): these count what the record still holds.</li>
 *   <li>{@code camunda_jobs_failing}: jobs whose last run failed, {@code camunda_incidents_open}
 *       by process and incident type;</li>
 *   <li>{@code camunda_tasks_open} and {@code eie_tasks_overdue} by process;</li>
 *   <li>{@code eie_donor_deliveries} by status, {@code eie_donor_deliveries_failed} (retries used
 *       up: an incident in Cockpit).</li>
 * </ul>
 *
 * These are states of the shared database, the same on every node: read them from one node (or
 * take the maximum, not the sum). They are read at most every 15 seconds, whatever the scrape
 * rate.
 */
@Component
class WorkloadMetrics implements MeterBinder {

  private static final Duration FRESH = Duration.ofSeconds(15);

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final HistoryService history;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Double> values = Map.of();
  private volatile Instant readAt = Instant.EPOCH;
  private MeterRegistry registry;

  WorkloadMetrics(JdbcClient jdbc, ManagementService management, HistoryService history) {
    this.jdbc = jdbc;
    this.management = management;
    this.history = history;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    gauge("camunda.jobs.executed", Tags.empty(), "Jobs executed successfully, all nodes");
    gauge("camunda.jobs.failed", Tags.empty(), "Job executions that failed, all nodes");
    gauge("camunda.jobs.failing", Tags.empty(), "Jobs whose last execution failed");
    gauge("eie.donor.deliveries.failed", Tags.empty(),
        "Donor deliveries whose retries are used up (incident)");
  }

  private void gauge(String name, Tags tags, String description) {
    String key = key(name, tags);
    if (registry != null && registered.add(key)) {
      Gauge.builder(name, () -> current().getOrDefault(key, 0.0)).tags(tags)
          .description(description).register(registry);
    }
  }

  private static String key(String name, Tags tags) {
    return name + tags;
  }

  /**
   * The figures, read again from the database when older than 15 seconds by the engine's clock
   * (or when that clock was set back).
   */
  synchronized Map<String, Double> current() {
    Instant now = now();
    if (!now.isBefore(readAt) && Duration.between(readAt, now).compareTo(FRESH) < 0) {
      return values;
    }
    readAt = now;
    var read = new HashMap<String, Double>();
    try {
      read.put(key("camunda.jobs.executed", Tags.empty()),
          (double) history.createHistoricJobLogQuery().successLog().count());
      read.put(key("camunda.jobs.failed", Tags.empty()),
          (double) history.createHistoricJobLogQuery().failureLog().count());
      read.put(key("camunda.jobs.failing", Tags.empty()),
          (double) management.createJobQuery().withException().count());
      grouped(read, "camunda.incidents.open", "Open incidents",
          "select d.KEY_ as process, i.INCIDENT_TYPE_ as type, count(*) as n"
              + " from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d on i.PROC_DEF_ID_ = d.ID_"
              + " group by d.KEY_, i.INCIDENT_TYPE_", "process", "type");
      grouped(read, "camunda.tasks.open", "Open user tasks",
          "select d.KEY_ as process, count(*) as n from ACT_RU_TASK t"
              + " join ACT_RE_PROCDEF d on t.PROC_DEF_ID_ = d.ID_ group by d.KEY_", "process");
      grouped(read, "eie.tasks.overdue", "Open user tasks past their due date",
          "select d.KEY_ as process, count(*) as n from ACT_RU_TASK t"
              + " join ACT_RE_PROCDEF d on t.PROC_DEF_ID_ = d.ID_ where t.DUE_DATE_ < ?"
              + " group by d.KEY_", "process");
      grouped(read, "eie.donor.deliveries", "Donor deliveries by status",
          "select status, count(*) as n from eie_donor_delivery group by status", "status");
      read.put(key("eie.donor.deliveries.failed", Tags.empty()),
          jdbc.sql("select count(*) from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d"
                  + " on i.PROC_DEF_ID_ = d.ID_ where d.KEY_ = 'appealDonorDelivery'"
                  + " and i.INCIDENT_TYPE_ = 'failedJob'")
              .query(Long.class).single().doubleValue());
    } catch (RuntimeException databaseUnavailable) {
      // Keep the last figures; the next scrape tries again.
      return values;
    }
    // A figure that fell to nothing (the last overdue task done) reads 0, not its last value.
    values = read;
    return values;
  }

  private void grouped(Map<String, Double> read, String name, String description, String sql,
      String... tagColumns) {
    var statement = jdbc.sql(sql);
    if (sql.contains("?")) {
      statement = statement.param(Timestamp.from(now()));
    }
    statement.query(rs -> {
      String[] pairs = new String[tagColumns.length * 2];
      for (int i = 0; i < tagColumns.length; i++) {
        pairs[2 * i] = tagColumns[i];
        String value = rs.getString(tagColumns[i]);
        pairs[2 * i + 1] = value == null ? "" : value;
      }
      Tags tags = Tags.of(pairs);
      read.put(key(name, tags), rs.getDouble("n"));
      gauge(name, tags, description);
    });
  }

  /** The engine's clock, which decides what is overdue. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
