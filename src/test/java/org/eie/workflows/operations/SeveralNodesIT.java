package org.eie.workflows.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.eie.workflows.EieWorkflowsApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes on one PostgreSQL, each a whole application (its own Spring context, engine and
 * job executor) in this JVM: they start together on an empty database, share the document and
 * donor-delivery jobs without doing any twice, and a node that dies holding jobs delays them by
 * the lock time and no more. Run by Failsafe (Camunda's registries are static); GreenMail on a
 * port of its own, so it never meets the donor tests' server.
 */
class SeveralNodesIT {

  private static final int SMTP_PORT = 3127;
  private static final Duration LOCK_TIME = Duration.ofSeconds(4);

  private static EmbeddedPostgres postgres;

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private GreenMail smtp;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopNodesAndSmtp() {
    nodes.forEach(ConfigurableApplicationContext::close);
    smtp.stop();
  }

  @Test
  void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
    String database = emptyDatabase();
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    // Two applications starting at the same instant in one JVM race on Logback's one static
    // context (a ConcurrentModificationException, or "Unable to find Spring Environment in
    // logger context") long before they reach the database this test is about: these two keep
    // the logging as the JVM has it.
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
      for (String id : List.of("together-a", "together-b")) {
        started.add(pool.submit(() -> {
          start.await();
          return node(id, database, LOCK_TIME, false);
        }));
      }
      start.countDown();
      for (Future<ConfigurableApplicationContext> node : started) {
        nodes.add(node.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
      System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
    }

    JdbcClient jdbc = jdbc(nodes.get(0));
    assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '30'"
        + " and success").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select VERSION_ from ACT_GE_SCHEMA_LOG").query(String.class).list())
        .containsExactly("7.24.0");
    for (var node : nodes) {
      var engine = node.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("appealDonorDelivery").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createUserQuery().list()).hasSize(1);
      assertThat(engine.getIdentityService().checkPassword("admin", "s3cret-of-the-cluster"))
          .isTrue();
      assertThat(engine.getIdentityService().createGroupQuery().groupId("coleads-LB").count())
          .isEqualTo(1);
    }
  }

  @Test
  void aDatabaseTheEngineCreatedBeforeIsKeptAsItIs() throws Exception {
    String database = emptyDatabase();
    // As the previous version left it: Camunda's tables made by the engine at its first start,
    // ours by Flyway up to V10 (baselined at 0 because the engine's tables were there first).
    try (Connection connection = java.sql.DriverManager.getConnection(database, "postgres",
        "postgres")) {
      CamundaSchema.create(connection);
      connection.createStatement().execute(
          "insert into ACT_GE_PROPERTY values ('eie.earlier-life', 'kept', 1)");
    }
    org.flywaydb.core.Flyway.configure().dataSource(database, "postgres", "postgres")
        .baselineOnMigrate(true).baselineVersion("0").target("10").load().migrate();

    var node = node("baseline", database, LOCK_TIME, false);
    nodes.add(node);
    JdbcClient jdbc = jdbc(node);
    assertThat(jdbc.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'eie.earlier-life'")
        .query(String.class).single()).isEqualTo("kept");
    assertThat(jdbc.sql("select version from flyway_schema_history where success"
        + " and version is not null order by installed_rank").query(String.class).list())
        .containsSubsequence("0", "10", "30", "31", "32");
    assertThat(node.getBean(ProcessEngine.class).getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("emergencyFundingAppeal").count())
        .isEqualTo(1);
  }

  @Test
  void twoNodesShareTheWorkAndADeadNodesJobsWaitOnlyTheLockTime() throws Exception {
    String database = emptyDatabase();
    var nodeA = node("node-a", database, LOCK_TIME, true);
    nodes.add(nodeA);
    var nodeB = node("node-b", database, LOCK_TIME, true);
    nodes.add(nodeB);
    JdbcClient jdbc = jdbc(nodeB);
    List<String> donors = List.of(donor(jdbc, "one"), donor(jdbc, "two"), donor(jdbc, "three"));

    var runtimeA = nodeA.getBean(ProcessEngine.class).getRuntimeService();

    var runtimeB = nodeB.getBean(ProcessEngine.class).getRuntimeService();

    // Both nodes at work on the same appeals' documents and deliveries (appeals started on
    // either node, as users reach either through the load balancer).
    List<String> appeals = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      appeals.add((i % 2 == 0 ? runtimeA : runtimeB).startProcessInstanceByKey(
          "appealPublicationStandIn", Map.of("country", "LB", "appealType", "FLASH_APPEAL"))
          .getId());
    }
    waitUntilEnded(jdbc, appeals, Duration.ofSeconds(120));
    System.out.println("jobs run by node: " + jdbc.sql("select HOSTNAME_, count(*) from"
        + " ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_").query().listOfRows());

    // Node A dies holding jobs: it still locks them, but nothing it takes runs any more (node B
    // pauses meanwhile, so that node A gets them).
    JobExecutor executorB = jobExecutor(nodeB);
    executorB.shutdown();
    var dying = (SpringJobExecutor) jobExecutor(nodeA);
    dying.setTaskExecutor(work -> { });
    List<String> later = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      later.add(runtimeA.startProcessInstanceByKey("appealPublicationStandIn",
          Map.of("country", "LB", "appealType", "FLASH_APPEAL")).getId());
    }
    Map<String, Instant> heldByA = waitForLocksOf(jdbc, "node-a", later.size(),
        Duration.ofSeconds(60));
    dying.shutdown(); // gone, its locks left behind
    executorB.start();
    waitUntilEnded(jdbc, later, Duration.ofSeconds(120));
    appeals.addAll(later);

    // Each job node A held ran on node B once the lock had expired, and soon after.
    for (var held : heldByA.entrySet()) {
      Instant lockedUntil = held.getValue();
      Instant ran = jdbc.sql("select min(TIMESTAMP_) from ACT_HI_JOB_LOG where JOB_ID_ = ?"
              + " and JOB_STATE_ = 2").param(held.getKey()).query(Timestamp.class).single()
          .toInstant();
      Duration afterLock = Duration.between(lockedUntil, ran);
      System.out.printf("job %s held by the dead node (lock %d s): ran %d ms after its lock"
          + " expired%n", held.getKey(), LOCK_TIME.toSeconds(), afterLock.toMillis());
      assertThat(afterLock).isGreaterThan(Duration.ofMillis(-500))
          .isLessThan(Duration.ofSeconds(8));
    }
    // One document per appeal version, one e-mail per donor and version.
    for (String appeal : appeals) {
      assertThat(jdbc.sql("select version from eie_document where process_instance_id = ?")
          .param(appeal).query(Integer.class).list()).containsExactly(1);
    }
    Map<String, Integer> received = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
          .getAddress();
      received.merge(to + " " + message.getMessageID(), 1, Integer::sum);
    }
    assertThat(received).hasSize(appeals.size() * donors.size());
    assertThat(received.values()).containsOnly(1);
    assertThat(jdbc.sql("select count(*) from eie_donor_delivery where status = 'SENT'"
        + " and attempts = 1 and interrupted_attempts = 0").query(Integer.class).single())
        .isEqualTo(appeals.size() * donors.size());
    System.out.println("delivery attempts by node: " + jdbc.sql("select node_id, count(*) from"
        + " eie_donor_delivery_attempt group by node_id").query().listOfRows());
  }

  @Test
  void aRestartedNodeTakesUpTheJobsItsPreviousLifeHeldAtOnce() throws Exception {
    String database = emptyDatabase();
    // Camunda's former lock time: without the release at start-up they would wait five minutes.
    Duration longLock = Duration.ofMinutes(5);
    var first = node("node-r", database, longLock, true);
    nodes.add(first);
    JdbcClient jdbc = jdbc(first);
    donor(jdbc, "restart");
    var dying = (SpringJobExecutor) jobExecutor(first);
    dying.setTaskExecutor(work -> { });
    var runtime = first.getBean(ProcessEngine.class).getRuntimeService();
    List<String> appeals = List.of(
        runtime.startProcessInstanceByKey("appealPublicationStandIn",
            Map.of("country", "LB", "appealType", "FLASH_APPEAL")).getId(),
        runtime.startProcessInstanceByKey("appealPublicationStandIn",
            Map.of("country", "LB", "appealType", "FLASH_APPEAL")).getId());
    assertThat(waitForLocksOf(jdbc, "node-r", 2, Duration.ofSeconds(60))).hasSize(2);
    dying.shutdown();
    first.close();
    nodes.remove(first);

    Instant restarted = Instant.now();
    var second = node("node-r", database, longLock, true);
    nodes.add(second);
    waitUntilEnded(jdbc(second), appeals, Duration.ofSeconds(90));
    Duration recovery = Duration.between(restarted, Instant.now());
    System.out.printf("restarted node finished its previous life's jobs %d ms after it was"
        + " started again%n", recovery.toMillis());
    assertThat(recovery).isLessThan(longLock);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  // --- nodes -----------------------------------------------------------------------------------

  private ConfigurableApplicationContext node(String id, String database, Duration lockTime,
      boolean jobExecutor) {
    return new SpringApplicationBuilder(EieWorkflowsApplication.class).run(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--eie.demo=false",
        "--eie.admin.password=s3cret-of-the-cluster",
        "--eie.node-id=" + id,
        "--eie.scheduling.enabled=false",
        "--camunda.bpm.process-engine-name=" + id.replace('-', '_') + "_"
            + UUID.randomUUID().toString().substring(0, 6),
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=500",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT,
        "--server.port=0");
  }

  private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
    return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) node
        .getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
  }

  private static JdbcClient jdbc(ConfigurableApplicationContext node) {
    return JdbcClient.create(node.getBean(DataSource.class));
  }

  private static String emptyDatabase() throws Exception {
    String name = "nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("create database " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** A donor subscribed to Lebanon. */
  private static String donor(JdbcClient jdbc, String name) {
    String id = UUID.randomUUID().toString();
    var now = Timestamp.from(Instant.now());
    jdbc.sql("insert into eie_donor (id, organisation, contact_name, email, language, active,"
            + " created_at, updated_at) values (?, ?, ?, ?, 'en', true, ?, ?)")
        .params(id, "Donor " + name, "Contact " + name, name + "@donors.example.org", now, now)
        .update();
    jdbc.sql("insert into eie_donor_country (donor_id, country) values (?, 'LB')").param(id)
        .update();
    return id;
  }

  /** The jobs the node locks, with their lock expiry, once it holds as many as expected. */
  private static Map<String, Instant> waitForLocksOf(JdbcClient jdbc, String node, int expected,
      Duration patience) throws InterruptedException {
    Instant giveUp = Instant.now().plus(patience);
    Map<String, Instant> held = Map.of();
    while (Instant.now().isBefore(giveUp)) {
      Map<String, Instant> now = new HashMap<>();
      jdbc.sql("select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ = ?").param(node)
          .query(rs -> {
            now.put(rs.getString(1), rs.getTimestamp(2).toInstant());
          });
      held = now;
      if (held.size() >= expected) {
        return held;
      }
      Thread.sleep(300);
    }
    return held;
  }

  private static void waitUntilEnded(JdbcClient jdbc, List<String> appeals, Duration patience)
      throws InterruptedException {
    Instant giveUp = Instant.now().plus(patience);
    while (Instant.now().isBefore(giveUp)) {
      int running = 0;
      for (String appeal : appeals) {
        running += jdbc.sql("select count(*) from ACT_HI_PROCINST where ID_ = ? and END_TIME_"
            + " is null").param(appeal).query(Integer.class).single();
      }
      if (running == 0) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Appeals still running after " + patience + ": "
        + jdbc.sql("select ID_, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_, EXCEPTION_MSG_ from"
            + " ACT_RU_JOB").query().listOfRows());
  }
}
