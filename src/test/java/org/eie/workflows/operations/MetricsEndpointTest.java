package org.eie.workflows.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /actuator/prometheus}: administrators only, with the engine's figures and ours. */
class MetricsEndpointTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  DocumentRenderer renderer;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  WorkloadMetrics workload;
  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void onlyAdministratorsReadTheMetrics() {
    var http = new Http(port);
    assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", "secretariat").statusCode()).isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", "lb.unicef").statusCode()).isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    // Nothing else of the actuator is open; health stays open to all.
    assertThat(http.get("/actuator/metrics", "admin").statusCode()).isIn(403, 404);
    assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theScrapeCarriesTheEnginesFiguresAndOurs() {
    // An open task past its due date, an incident, a rendered document, a delivery row.
    var instance = runtime.startProcessInstanceByKey("donorsAppealStandIn",
        Map.of("country", "LB"));
    var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    task.setDueDate(java.util.Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    tasks.saveTask(task);
    runtime.createIncident("metricsProbe", instance.getId(), "probe", "for the metrics test");
    renderer.render(new DocumentRequest("sample/sample", Locale.ENGLISH,
        Map.of("country", "LB", "partner", "P", "rows", List.of(1)), "Probe", "", ""));
    String donorId = UUID.randomUUID().toString();
    var now = Timestamp.from(Instant.now());
    jdbc.sql("insert into eie_donor (id, organisation, contact_name, email, language, active,"
            + " created_at, updated_at) values (?, 'Metrics Donor', 'C', ?, 'en', false, ?, ?)")
        .params(donorId, donorId + "@example.org", now, now).update();
    jdbc.sql("insert into eie_donor_delivery (id, donor_id, appeal_id, document_version, country,"
            + " appeal_type, email, language, message_id, status, attempts, created_at,"
            + " updated_at) values (?, ?, 'metrics-appeal', 1, 'LB', 'FLASH_APPEAL', ?, 'en', ?,"
            + " 'RETRYING', 1, ?, ?)")
        .params(UUID.randomUUID().toString(), donorId, donorId + "@example.org",
            "<" + donorId + "@x>", now, now).update();
    try {
      var http = new Http(port);
      http.get("/actuator/prometheus", "admin"); // the first scrape registers what it finds
      String scrape = http.get("/actuator/prometheus", "admin").body();
      assertThat(scrape)
          .contains("camunda_jobs_executed ", "camunda_jobs_failed ", "camunda_jobs_failing ")
          .contains("camunda_incidents_open{process=\"donorsAppealStandIn\",type=\"metricsProbe\"}")
          .contains("camunda_tasks_open{process=\"donorsAppealStandIn\"}")
          .contains("eie_tasks_overdue{process=\"donorsAppealStandIn\"}")
          .contains("eie_documents_render_seconds_count{template=\"sample/sample\"}")
          .contains("eie_donor_deliveries{status=\"RETRYING\"}")
          .contains("eie_donor_deliveries_failed ")
          .contains("jvm_memory_used_bytes");
    } finally {
      runtime.deleteProcessInstance(instance.getId(), "metrics test done");
    }
  }

  @Test
  void jobsExecutedMatchTheJobLogWithoutWaitingForTheEnginesCounters() {
    // A node killed with kill -9 never writes out the engine's in-memory job counters; the scrape
    // must count what the record holds. A job that has just run is in the record at once, and
    // this node then loses its unwritten counters as a killed node does.
    var deployment = repository.createDeployment().name("metrics probe")
        .addModelInstance("metricsJobProbe.bpmn", Bpmn.createExecutableProcess("metricsJobProbe")
            .camundaHistoryTimeToLive(1).startEvent().camundaAsyncAfter().endEvent().done())
        .deploy();
    try {
      var instance = runtime.startProcessInstanceByKey("metricsJobProbe");
      management.executeJob(
          management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
      engineConfiguration.getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL)
          .getAndClear();
      long before = history.createHistoricJobLogQuery().successLog().count();
      ClockUtil.offset(60_000L); // past the 15 seconds the figures are kept
      double executed = workload.current().get("camunda.jobs.executed[]");
      long after = history.createHistoricJobLogQuery().successLog().count();
      assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId())
          .successLog().count()).isEqualTo(1);
      assertThat(executed).isBetween((double) before, (double) after);
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
