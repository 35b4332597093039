package org.eie.workflows.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eie.workflows.EieWorkflowsApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several nodes on one PostgreSQL, each a whole application in an operating-system process of its
 * own, as in production (its own JVM, Spring context, engine and job executor, on its own HTTP
 * port): they start together on an empty database, share the document and donor-delivery jobs
 * without doing any twice, and a node killed ({@code kill -9}) in the middle of its jobs delays
 * them by the lock time and no more, or not at all when it comes back under the same node id.
 *
 * <p>The nodes run this test JVM's own class path (the application, the test classes with the
 * stand-in appeal and every dependency) and are watched only from outside: their HTTP API, the
 * shared database and the mail server. Each node's output goes to
 * {@code target/several-nodes/<node>-<start time>.log}. GreenMail listens on a port of its own, so it
 * never meets the donor tests' server.
 */
class SeveralNodesIT {

  private static final int SMTP_PORT = 3127;
  private static final Duration LOCK_TIME = Duration.ofSeconds(4);
  private static final Duration START_PATIENCE = Duration.ofMinutes(5);
  private static final String ADMIN_PASSWORD = "s3cret-of-the-cluster";
  private static final Path LOGS = Path.of("target", "several-nodes");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Every node process still alive, killed by the shutdown hook if the JVM ends before them. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  private static EmbeddedPostgres postgres;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private GreenMail smtp;

  @BeforeAll
  static void startPostgres() throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> LIVE.forEach(Process::destroyForcibly), "several-nodes-left-behind"));
    Files.createDirectories(LOGS);
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
    try {
      nodes.forEach(NodeProcess::stop);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
    String database = emptyDatabase();
    var a = launch("together-a", database, LOCK_TIME, false);
    var b = launch("together-b", database, LOCK_TIME, false);
    a.awaitUp();
    b.awaitUp();

    JdbcClient jdbc = jdbc(database);
    assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '30'"
        + " and success").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select VERSION_ from ACT_GE_SCHEMA_LOG").query(String.class).list())
        .containsExactly("7.24.0");
    assertThat(jdbc.sql("select count(*) from ACT_RE_PROCDEF where KEY_ = 'appealDonorDelivery'")
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select ID_ from ACT_ID_USER").query(String.class).list())
        .containsExactly("admin");
    assertThat(jdbc.sql("select count(*) from ACT_ID_GROUP where ID_ = 'coleads-LB'")
        .query(Integer.class).single()).isEqualTo(1);
    for (var node : List.of(a, b)) {
      // The administrator signs in with the password both nodes were given, on either node.
      var profile = node.get("/engine-rest/user/admin/profile");
      assertThat(profile.statusCode()).as(node.id).isEqualTo(200);
      assertThat(JSON.readTree(profile.body()).path("id").asText()).isEqualTo("admin");
    }
  }

  @Test
  void aDatabaseTheEngineCreatedBeforeIsKeptAsItIs() throws Exception {
    String database = emptyDatabase();
    // As the previous version left it: Camunda's tables made by the engine at its first start,
    // ours by Flyway up to V10 (baselined at 0 because the engine's tables were there first).
    try (Connection connection = DriverManager.getConnection(database, "postgres",
        "postgres")) {
      CamundaSchema.create(connection);
      connection.createStatement().execute(
          "insert into ACT_GE_PROPERTY values ('eie.earlier-life', 'kept', 1)");
    }
    Flyway.configure().dataSource(database, "postgres", "postgres")
        .baselineOnMigrate(true).baselineVersion("0").target("10").load().migrate();

    launch("baseline", database, LOCK_TIME, false).awaitUp();
    JdbcClient jdbc = jdbc(database);
    assertThat(jdbc.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'eie.earlier-life'")
        .query(String.class).single()).isEqualTo("kept");
    assertThat(jdbc.sql("select version from flyway_schema_history where success"
        + " and version is not null order by installed_rank").query(String.class).list())
        .containsSubsequence("0", "10", "30", "31", "32");
    assertThat(jdbc.sql("select count(*) from ACT_RE_PROCDEF"
        + " where KEY_ = 'emergencyFundingAppeal'").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void twoNodesShareTheWorkAndADeadNodesJobsWaitOnlyTheLockTime() throws Exception {
    String database = emptyDatabase();
    var nodeA = launch("node-a", database, LOCK_TIME, true);
    nodeA.awaitUp();
    var nodeB = launch("node-b", database, LOCK_TIME, true);
    nodeB.awaitUp();
    JdbcClient jdbc = jdbc(database);
    List<String> donors = List.of(donor(jdbc, "one"), donor(jdbc, "two"), donor(jdbc, "three"));

    // Both nodes at work on the same appeals' documents and deliveries (appeals started on
    // either node, as users reach either through the load balancer).
    List<String> appeals = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      appeals.add((i % 2 == 0 ? nodeA : nodeB).startAppeal(null));
    }
    waitUntilEnded(jdbc, appeals, Duration.ofSeconds(120));
    System.out.println("jobs run by node: " + jdbc.sql("select HOSTNAME_, count(*) from"
        + " ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_").query().listOfRows());

    // Node A is killed in the middle of documents it took: they stay locked in its name. Node B
    // is frozen meanwhile (SIGSTOP), so that node A is the one that takes them.
    nodeB.freeze();
    List<String> later = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      later.add(nodeA.startAppeal(nodeA.pid()));
    }
    Map<String, Instant> heldByA = waitForLocksOf(jdbc, "node-a", later, Duration.ofSeconds(60));
    assertThat(heldByA).as("document jobs node A runs when it is killed").hasSize(later.size());
    nodeA.kill();
    nodeB.thaw();
    waitUntilEnded(jdbc, later, Duration.ofSeconds(120));
    appeals.addAll(later);

    // Each job node A held ran on node B once the lock had expired, and soon after.
    for (var held : heldByA.entrySet()) {
      Instant lockedUntil = held.getValue();
      Instant ran = jdbc.sql("select min(TIMESTAMP_) from ACT_HI_JOB_LOG where JOB_ID_ = ?"
              + " and JOB_STATE_ = 2").param(held.getKey()).query(Timestamp.class).single()
          .toInstant();
      Duration afterLock = Duration.between(lockedUntil, ran);
      System.out.printf("job %s held by the killed node (lock %d s): ran %d ms after its lock"
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
    var first = launch("node-r", database, longLock, true);
    first.awaitUp();
    JdbcClient jdbc = jdbc(database);
    donor(jdbc, "restart");
    List<String> appeals = List.of(first.startAppeal(first.pid()),
        first.startAppeal(first.pid()));
    assertThat(waitForLocksOf(jdbc, "node-r", appeals, Duration.ofSeconds(60))).hasSize(2);
    first.kill();

    Instant restarted = Instant.now();
    launch("node-r", database, longLock, true).awaitUp();
    waitUntilEnded(jdbc, appeals, Duration.ofSeconds(90));
    Duration recovery = Duration.between(restarted, Instant.now());
    System.out.printf("restarted node finished its previous life's jobs %d ms after it was"
        + " started again%n", recovery.toMillis());
    assertThat(recovery).isLessThan(longLock);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  // --- nodes -----------------------------------------------------------------------------------

  /**
   * Starts a node: the application's main class in a JVM of its own, configured by arguments as
   * an operator would (no profile: the production settings of {@code application.yml}, demo mode
   * off, the administrator's password given).
   */
  private NodeProcess launch(String id, String database, Duration lockTime, boolean jobExecutor)
      throws IOException {
    int port = freePort();
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Several JVMs start at once on a small machine: small heaps, quick start-up.
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", testClassPath(),
        EieWorkflowsApplication.class.getName(),
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--eie.demo=false",
        "--eie.admin.password=" + ADMIN_PASSWORD,
        "--eie.node-id=" + id,
        "--eie.scheduling.enabled=false",
        // The node's name in the job log (ACT_HI_JOB_LOG.HOSTNAME_), which says who ran what.
        "--camunda.bpm.generic-properties.properties.hostname=" + id,
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=500",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT,
        "--server.port=" + port);
    Path log = LOGS.resolve(id + "-" + Instant.now().toEpochMilli() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    LIVE.add(process);
    var node = new NodeProcess(id, process, port, log);
    nodes.add(node);
    return node;
  }

  /** The class path of this JVM: target/test-classes, target/classes and every dependency. */
  private static String testClassPath() {
    // Failsafe may start this JVM from a manifest-only jar; it then names the real path here.
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath = surefire != null && !surefire.isBlank() ? surefire
        : System.getProperty("java.class.path");
    assertThat(classPath).contains("test-classes");
    // An empty entry (Surefire ends the path with a separator) would mean the working directory
    // to the java command, and put the project's bpmn/ folder beside target/classes/bpmn.
    return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A node's operating-system process, reached over HTTP and signals only. */
  private static final class NodeProcess {

    private final String id;
    private final Process process;
    private final int port;
    private final Path log;

    NodeProcess(String id, Process process, int port, Path log) {
      this.id = id;
      this.process = process;
      this.port = port;
      this.log = log;
    }

    long pid() {
      return process.pid();
    }

    /** Waits until the node answers UP on its health endpoint; fails with its log otherwise. */
    void awaitUp() throws InterruptedException {
      Instant giveUp = Instant.now().plus(START_PATIENCE);
      String last = "no answer";
      while (Instant.now().isBefore(giveUp)) {
        if (!process.isAlive()) {
          throw new AssertionError("Node " + id + " exited with " + process.exitValue()
              + " before it was up; its log, " + log + ":\n" + tail());
        }
        try {
          var response = HTTP.send(request("/actuator/health").GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            return;
          }
          last = response.statusCode() + " " + response.body();
        } catch (IOException notYet) {
          last = notYet.toString();
        }
        Thread.sleep(500);
      }
      throw new AssertionError("Node " + id + " not up after " + START_PATIENCE + " (" + last
          + "); its log, " + log + ":\n" + tail());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts a stand-in appeal for Lebanon on this node through the REST API, as the
     * administrator; one whose document must never be made in the given process.
     */
    String startAppeal(Long stallInProcess) throws IOException, InterruptedException {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("country", Map.of("value", "LB", "type", "String"));
      variables.put("appealType", Map.of("value", "FLASH_APPEAL", "type", "String"));
      if (stallInProcess != null) {
        variables.put("stallInProcess", Map.of("value", stallInProcess, "type", "Long"));
      }
      var response = HTTP.send(request(
              "/engine-rest/process-definition/key/appealPublicationStandIn/start")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  JSON.writeValueAsString(Map.of("variables", variables))))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode started = JSON.readTree(response.body());
      return started.path("id").asText();
    }

    private HttpRequest.Builder request(String path) {
      String credentials = Base64.getEncoder().encodeToString(
          ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + credentials);
    }

    /** {@code kill -STOP}: the node does nothing at all until thawed. */
    void freeze() throws IOException, InterruptedException {
      signal("STOP");
    }

    void thaw() throws IOException, InterruptedException {
      signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
          .redirectErrorStream(true).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).as("kill -" + name + " " + pid()).isZero();
    }

    /** {@code kill -9}: the node dies at once, in whatever it was doing. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      LIVE.remove(process);
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL if the node is still there. */
    void stop() {
      if (!process.isAlive()) {
        LIVE.remove(process);
        return;
      }
      try {
        thaw();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (IOException | InterruptedException | AssertionError e) {
        process.destroyForcibly();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      } finally {
        LIVE.remove(process);
      }
    }

    private String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }
  }

  // --- the shared database ---------------------------------------------------------------------

  private static JdbcClient jdbc(String database) {
    return JdbcClient.create(new DriverManagerDataSource(database, "postgres", "postgres"));
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

  /**
   * The jobs of these appeals the node has locked, with their lock expiry, once it holds one for
   * each appeal (or what it holds when patience runs out).
   */
  private static Map<String, Instant> waitForLocksOf(JdbcClient jdbc, String node,
      List<String> appeals, Duration patience) throws InterruptedException {
    Instant giveUp = Instant.now().plus(patience);
    Map<String, Instant> held = Map.of();
    while (Instant.now().isBefore(giveUp)) {
      Map<String, Instant> now = new HashMap<>();
      for (String appeal : appeals) {
        jdbc.sql("select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ = ?"
                + " and PROCESS_INSTANCE_ID_ = ?").params(node, appeal)
            .query(rs -> {
              now.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            });
      }
      held = now;
      if (held.size() >= appeals.size()) {
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
