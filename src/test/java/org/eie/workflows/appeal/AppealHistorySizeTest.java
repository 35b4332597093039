package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How much history one finished appeal leaves behind, measured on PostgreSQL (docs/operations.md,
 * "History"): activation, needs assessment, response plan, five partner projects (each in its
 * own sub-instance), five vettings, both sign-offs, the document and the donor delivery, with
 * history level FULL. Every history row the appeal and its called instances wrote (they share
 * the appeal as root instance) is summed with {@code pg_column_size}, and the indexes' share is
 * estimated from the tables' own ratio of total to data size. Prints the figures; the assertion
 * only keeps them in the range the README's estimate is based on.
 */
class AppealHistorySizeTest extends PostgresApplicationTest {

  private static final int APPEALS = 3;
  private static final int PROJECTS = 5;

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneFinishedAppealLeavesTensOfKilobytesOfHistory() {
    BpmnAwareTests.init(engine);
    jdbc.sql("update eie_donor set active = false").update();
    var scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    List<String> appeals = new ArrayList<>();
    for (int i = 0; i < APPEALS; i++) {
      ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
      for (int project = 1; project <= PROJECTS; project++) {
        scenario.submit(project % 2 == 0 ? "partner.lb" : "partner2.lb", appeal,
            "Task_SubmitProject", AppealScenario.project("Back to learning " + project,
                "Beirut", Map.of("budgetTemporaryLearningSpaces", 120000.0 + project)));
      }
      scenario.closeCall(appeal);
      scenario.vetAll(appeal, "ACCEPT");
      scenario.signOffAndEndorse(appeal);
      scenario.runJob(appeal, "Task_GenerateAppealDocument");
      scenario.runDonorDelivery(appeal);
      // Closed without revision: the figures are those of one published version.
      engine.getRuntimeService().createMessageCorrelation("appealClosed")
          .processInstanceId(appeal.getId()).correlate();
      BpmnAwareTests.assertThat(appeal).isEnded();
      appeals.add(appeal.getId());
      AppealScenario.clock(AppealScenario.NOW);
    }

    List<String> tables = jdbc.sql("select table_name from information_schema.columns"
            + " where column_name = 'root_proc_inst_id_' and table_schema = current_schema()"
            + " and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray')")
        .query(String.class).list();
    long rowBytes = 0;
    long rows = 0;
    for (String table : tables) {
      for (String appeal : appeals) {
        rowBytes += jdbc.sql("select coalesce(sum(pg_column_size(t.*)), 0) from " + table
            + " t where root_proc_inst_id_ = ?").param(appeal).query(Long.class).single();
        rows += jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ = ?")
            .param(appeal).query(Long.class).single();
      }
    }
    // Indexes and page overhead: the history tables' total size over their live data.
    double overhead = jdbc.sql("select sum(pg_total_relation_size(c.oid))::float"
            + " / nullif(sum(pg_relation_size(c.oid)), 0) from pg_class c"
            + " where c.relkind = 'r' and (c.relname like 'act_hi_%' or c.relname ="
            + " 'act_ge_bytearray') and c.relnamespace = current_schema()::regnamespace")
        .query(Double.class).single();
    long documentBytes = jdbc.sql("select coalesce(sum(size_bytes), 0) from eie_document"
        + " where process_instance_id in (?, ?, ?)").params(appeals.toArray())
        .query(Long.class).single();

    long perAppeal = rowBytes / APPEALS;
    System.out.printf("History per finished appeal (%d projects): %d rows, %.1f KB of row data,"
            + " about %.1f KB on disk with indexes (x%.2f); its PDF %.1f KB%n", PROJECTS,
        rows / APPEALS, perAppeal / 1024.0, perAppeal * overhead / 1024.0, overhead,
        documentBytes / (double) APPEALS / 1024.0);
    assertThat(perAppeal).isBetween(10_000L, 2_000_000L);

    // Kept ten years after the appeal ended, its partner steps and donor delivery exactly as
    // long; Camunda's clean-up removes them in its nightly window.
    var history = engine.getHistoryService();
    var finished = history.createHistoricProcessInstanceQuery().processInstanceId(appeals.get(0))
        .singleResult();
    assertThat(finished.getRemovalTime()).isEqualTo(java.util.Date.from(
        finished.getEndTime().toInstant().plus(java.time.Duration.ofDays(3650))));
    var called = history.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(appeals.get(0)).list();
    assertThat(called).hasSizeGreaterThan(PROJECTS);
    assertThat(called).allSatisfy(instance ->
        assertThat(instance.getRemovalTime()).isEqualTo(finished.getRemovalTime()));
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }
}
