package org.eie.workflows.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.EieWorkflowsApplication;
import org.eie.workflows.Http;
import org.eie.workflows.TestSmtp;
import org.eie.workflows.appeal.AppealScenario;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The procedure of {@code docs/operations-backup.md}, carried out: appeals at four stages on a
 * running node, {@code pg_dump} of its database (custom format, one snapshot for Camunda's tables
 * and ours), the database server lost, {@code pg_restore} into a database on a fresh server, and a
 * node started on it. Every appeal goes on from where it stood, every document and delivery row is
 * back, no donor receives an e-mail twice, and the four-eyes rule still reads its record.
 *
 * <p>pg_dump and pg_restore are the machine's PostgreSQL client (Debian's postgresql-client):
 * the embedded server's bundle ships only initdb, pg_ctl and postgres. Run by Failsafe (a whole
 * application per node, as in {@link SeveralNodesIT}); GreenMail on this checkout's test port.
 */
class BackupAndRestoreIT {

  private static final String DUAL = "lb.dual";

  private final List<AutoCloseable> running = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path backups;

  @AfterEach
  void stopEverything() throws Exception {
    ClockUtil.reset();
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @Test
  void aNodeOnTheRestoredDumpGoesOnWhereEveryAppealStoodAndSendsNothingTwice() throws Exception {
    GreenMail smtp = new GreenMail(TestSmtp.setup());
    smtp.start();
    running.add(smtp::stop);

    // --- Before: one node on the production database, appeals at four stages. ----------------
    EmbeddedPostgres lostServer = postgresServer();
    String production = database(lostServer, "eie");
    ConfigurableApplicationContext before = node("before", production);
    ProcessEngine engine = before.getBean(ProcessEngine.class);
    var scenario = new AppealScenario(engine);
    JdbcClient jdbc = JdbcClient.create(before.getBean(DataSource.class));
    donor(jdbc, "one", "en");
    donor(jdbc, "deux", "fr");
    coLeadOfBothOrganisations(engine);

    // D: published to both donors, waiting for its revision timer.
    ProcessInstance waitingForRevision = signedOffByBoth(scenario);
    execute(engine, scenario.job(waitingForRevision, "Task_GenerateAppealDocument"));
    runDelivery(engine, delivery(engine, waitingForRevision));
    Job revisionTimer = scenario.job(waitingForRevision, "Event_RevisionDue");
    assertThat(revisionTimer).as("the revision timer").isNotNull();
    // C: its document delivered to one donor of two.
    ProcessInstance halfSent = signedOffByBoth(scenario);
    execute(engine, scenario.job(halfSent, "Task_GenerateAppealDocument"));
    ProcessInstance halfSentDelivery = delivery(engine, halfSent);
    execute(engine, jobs(engine, halfSentDelivery).get(0)); // select the subscribed donors
    assertThat(jobs(engine, halfSentDelivery)).hasSize(2);
    execute(engine, jobs(engine, halfSentDelivery).get(0)); // the first donor's e-mail
    // B: signed off by both, its document job due.
    ProcessInstance documentDue = signedOffByBoth(scenario);
    // A: signed off for UNICEF by a co-lead of both organisations, waiting for Save the Children.
    ProcessInstance waitingForSignOff = atSignOff(scenario);
    scenario.submit(DUAL, waitingForSignOff, "Task_SignOffUnicef",
        AppealScenario.signOff("APPROVE", "For UNICEF"));
    Instant stagesSet = ClockUtil.getCurrentTime().toInstant();

    List<ProcessInstance> appeals =
        List.of(waitingForSignOff, documentDue, halfSent, waitingForRevision);
    Map<String, String> standingBefore = standing(engine, appeals);
    Http http = new Http(port(before));
    UserView viewBefore = userView(http, appeals);
    assertThat(viewBefore.deliveries().get(halfSent.getId())).containsExactlyInAnyOrder(
        "SENT 1", "PENDING 0");
    assertThat(sent(smtp)).hasSize(3); // D to both donors, C to one

    // --- The backup, taken while the node runs. -------------------------------------------------
    Path dump = backups.resolve("eie.dump");
    Map<String, String> tablesAtDump = dumpInOneSnapshot(lostServer, "eie", dump);
    System.out.printf("dump of four appeals and the demo data: %d KB, %d tables%n",
        Files.size(dump) / 1024, tablesAtDump.size());
    // The server is lost, the node with it.
    lose(before);
    lose(lostServer);

    // --- The restore: a fresh server, an empty database, pg_restore, then a node. -----------
    EmbeddedPostgres freshServer = postgresServer();
    String restored = database(freshServer, "eie_restored");
    run(tool("pg_restore"), "--dbname=" + libpqUrl(freshServer, "eie_restored"), "--no-owner",
        "--exit-on-error", "--single-transaction", dump.toString());
    assertThat(tables(freshServer, "eie_restored"))
        .as("every table, Camunda's and ours, row for row as at the dump")
        .isEqualTo(tablesAtDump);

    // The new server is up five minutes after the old one was lost.
    ClockUtil.setCurrentTime(Date.from(stagesSet.plus(Duration.ofMinutes(5))));
    ConfigurableApplicationContext after = node("after", restored);
    ProcessEngine restoredEngine = after.getBean(ProcessEngine.class);
    var onRestored = new AppealScenario(restoredEngine);
    http = new Http(port(after));

    // What Cockpit and the users see is what they saw before: steps, jobs and their due dates,
    // the published PDFs (the same bytes, in each language already made), the delivery ledger,
    // Save the Children's sign-off in their Tasklist.
    assertThat(standing(restoredEngine, appeals)).isEqualTo(standingBefore);
    assertThat(userView(http, appeals)).isEqualTo(viewBefore);
    onRestored.as("lb.savethechildren");
    assertThat(restoredEngine.getTaskService().createTaskQuery()
        .taskCandidateUser("lb.savethechildren").list())
        .extracting(Task::getProcessInstanceId, Task::getTaskDefinitionKey)
        .containsExactly(tuple(waitingForSignOff.getId(), "Task_SignOffSaveTheChildren"));
    onRestored.asSystem();

    // A: four eyes still hold (the restored record names who signed for UNICEF); a second person
    // signs and the document's own check, reading the engine's history, lets it be published.
    assertThatThrownBy(() -> onRestored.submit(DUAL, waitingForSignOff,
        "Task_SignOffSaveTheChildren", AppealScenario.signOff("APPROVE", null)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("four eyes need a second person");
    onRestored.submit("lb.savethechildren", waitingForSignOff, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    onRestored.endorse(waitingForSignOff);
    execute(restoredEngine, onRestored.job(waitingForSignOff, "Task_GenerateAppealDocument"));
    runDelivery(restoredEngine, delivery(restoredEngine, waitingForSignOff));
    // B: its document job runs and the donors get it.
    execute(restoredEngine, onRestored.job(documentDue, "Task_GenerateAppealDocument"));
    runDelivery(restoredEngine, delivery(restoredEngine, documentDue));
    // C: the second donor gets it, the first not again; the appeal goes on to its revision wait.
    runDelivery(restoredEngine, halfSentDelivery);
    assertThat(onRestored.job(halfSent, "Event_RevisionDue")).isNotNull();
    // D: an operator unsure what went out sends version 1 again: nobody gets a second copy.
    runDelivery(restoredEngine, restoredEngine.getRuntimeService().startProcessInstanceByKey(
        "appealDonorDelivery", Map.of("appealId", waitingForRevision.getId(), "country", "LB",
            "appealType", "FLASH_APPEAL", "documentVersion", 1)));
    // D: its revision timer fires when due, and the co-leads get "Revise the appeal".
    ClockUtil.setCurrentTime(Date.from(
        revisionTimer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    execute(restoredEngine, onRestored.job(waitingForRevision, "Event_RevisionDue"));
    assertThat(onRestored.task(waitingForRevision, "Task_ReviseAppeal").getTaskDefinitionKey())
        .isEqualTo("Task_ReviseAppeal");

    // Every appeal published once, to each donor once: what was sent before the dump was not
    // sent again after the restore.
    Map<String, Integer> received = sent(smtp);
    assertThat(received).hasSize(appeals.size() * 2);
    assertThat(received.values()).containsOnly(1);
    UserView viewAfter = userView(http, appeals);
    for (ProcessInstance appeal : appeals) {
      assertThat(viewAfter.deliveries().get(appeal.getId())).as(appeal.getBusinessKey())
          .containsExactly("SENT 1", "SENT 1");
      assertThat(viewAfter.documents().get(appeal.getId())).as(appeal.getBusinessKey())
          .startsWith("version 1 ");
    }
  }

  // --- the appeals --------------------------------------------------------------------------

  /** One accepted project, consolidated: waiting for the UNICEF sign-off. */
  private static ProcessInstance atSignOff(AppealScenario scenario) {
    AppealScenario.clock(AppealScenario.NOW);
    ProcessInstance appeal = scenario.openCall(AppealScenario.trigger(),
        "TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Learning spaces in Burj Hammoud", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    return appeal;
  }

  /**
   * Signed off by a UNICEF co-lead and a Save the Children co-lead and endorsed by the HC's
   * office: its document job due.
   */
  private static ProcessInstance signedOffByBoth(AppealScenario scenario) {
    ProcessInstance appeal = atSignOff(scenario);
    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef",
        AppealScenario.signOff("APPROVE", "For UNICEF"));
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    scenario.endorse(appeal);
    return appeal;
  }

  /** A Lebanon co-lead in both organisations, as in small country teams: four eyes matter. */
  private static void coLeadOfBothOrganisations(ProcessEngine engine) {
    User dual = engine.getIdentityService().newUser(DUAL);
    dual.setFirstName("Dual");
    dual.setLastName("Member (test)");
    engine.getIdentityService().saveUser(dual);
    for (String group : List.of("coleads-LB", "org-unicef", "org-save-the-children")) {
      engine.getIdentityService().createMembership(DUAL, group);
    }
  }

  /** A donor subscribed to Lebanon, reading in the given language. */
  private static void donor(JdbcClient jdbc, String name, String language) {
    String id = UUID.randomUUID().toString();
    var now = Timestamp.from(Instant.now());
    jdbc.sql("insert into eie_donor (id, organisation, contact_name, email, language, active,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, true, ?, ?)")
        .params(id, "Donor " + name, "Contact " + name, name + "@donors.example.org", language,
            now, now)
        .update();
    jdbc.sql("insert into eie_donor_country (donor_id, country) values (?, 'LB')").param(id)
        .update();
  }

  /** The donor delivery the appeal's "Distribute to donors" started. */
  private static ProcessInstance delivery(ProcessEngine engine, ProcessInstance appeal) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(appeal.getId()).singleResult();
  }

  private static List<Job> jobs(ProcessEngine engine, ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .executable().orderByJobId().asc().list();
  }

  private static void execute(ProcessEngine engine, Job job) {
    assertThat(job).as("a job to run").isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  /** Runs a donor delivery's jobs as the job executor would, until it has ended. */
  private static void runDelivery(ProcessEngine engine, ProcessInstance delivery) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = jobs(engine, delivery);
      if (due.isEmpty()) {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(delivery.getId()).count()).as("delivery ended").isZero();
        return;
      }
      due.forEach(job -> execute(engine, job));
    }
    throw new AssertionError("The donor delivery " + delivery.getId() + " did not finish");
  }

  /**
   * Where each appeal stands as Cockpit shows it: its steps and those of the instances it called,
   * and each job with its due date and retries.
   */
  private static Map<String, String> standing(ProcessEngine engine, List<ProcessInstance> appeals) {
    Map<String, String> standing = new TreeMap<>();
    for (ProcessInstance appeal : appeals) {
      var steps = new StringBuilder();
      var instances = new ArrayList<String>(List.of(appeal.getId()));
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(appeal.getId())
          .list().forEach(called -> instances.add(called.getId()));
      for (String instance : instances) {
        steps.append(engine.getRuntimeService().getActiveActivityIds(instance).stream().sorted()
            .toList());
        engine.getManagementService().createJobQuery().processInstanceId(instance)
            .orderByJobId().asc().list().forEach(job -> steps.append(" job ")
                .append(job.getDuedate() == null ? "now" : job.getDuedate().toInstant())
                .append(" retries ").append(job.getRetries()));
      }
      standing.put(appeal.getBusinessKey(), steps.toString());
    }
    return standing;
  }

  // --- what users read over HTTP ------------------------------------------------------------

  /** Per appeal: the published document (version, language, checksum) and the ledger's rows. */
  private record UserView(Map<String, String> documents, Map<String, List<String>> deliveries) {
  }

  private UserView userView(Http http, List<ProcessInstance> appeals) throws IOException {
    Map<String, String> documents = new TreeMap<>();
    Map<String, List<String>> deliveries = new TreeMap<>();
    for (ProcessInstance appeal : appeals) {
      var seen = new StringBuilder();
      for (String language : List.of("", "?lang=fr")) {
        HttpResponse<byte[]> pdf = http.getBytes(
            "/api/appeals/" + appeal.getId() + "/document" + language, "lb.unicef");
        seen.append(pdf.statusCode() != 200 ? "none " : "version "
            + pdf.headers().firstValue("X-Document-Version").orElseThrow() + " "
            + pdf.headers().firstValue("Content-Language").orElseThrow() + " "
            + sha256(pdf.body()) + " ");
      }
      documents.put(appeal.getId(), seen.toString().trim());
      HttpResponse<String> ledger = http.get(
          "/api/donor-deliveries?appealId=" + appeal.getId(), "lb.unicef");
      assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(200);
      var rows = new ArrayList<String>();
      for (JsonNode row : json.readTree(ledger.body())) {
        rows.add(row.get("status").asText() + " " + row.get("attempts").asInt());
      }
      deliveries.put(appeal.getId(), rows);
    }
    return new UserView(documents, deliveries);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Messages GreenMail received, per recipient and Message-ID. */
  private static Map<String, Integer> sent(GreenMail smtp) throws Exception {
    Map<String, Integer> received = new TreeMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
          .getAddress();
      received.merge(to + " " + message.getMessageID(), 1, Integer::sum);
    }
    return received;
  }

  // --- PostgreSQL: servers, the dump and the restore ---------------------------------------

  private EmbeddedPostgres postgresServer() throws IOException {
    EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setPGStartupWait(Duration.ofSeconds(90)).setRegisterShutdownHook(false).start();
    running.add(server);
    return server;
  }

  /** An empty database as the procedure creates it: from template0. */
  private static String database(EmbeddedPostgres server, String name) throws Exception {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name + " template template0 encoding 'UTF8'");
    }
    return server.getJdbcUrl("postgres", name);
  }

  private static String libpqUrl(EmbeddedPostgres server, String database) {
    return "postgresql://postgres@localhost:" + server.getPort() + "/" + database;
  }

  /**
   * pg_dump in the custom format, taken in a snapshot this test holds open meanwhile, so the
   * tables' contents read in that same snapshot are exactly what the dump holds.
   */
  private static Map<String, String> dumpInOneSnapshot(EmbeddedPostgres server, String database,
      Path file) throws Exception {
    try (Connection connection = server.getDatabase("postgres", database).getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshot;
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("select pg_export_snapshot()")) {
        result.next();
        snapshot = result.getString(1);
      }
      Map<String, String> tables = tables(connection);
      run(tool("pg_dump"), "--format=custom", "--snapshot=" + snapshot,
          "--file=" + file, "--dbname=" + libpqUrl(server, database));
      connection.commit();
      return tables;
    }
  }

  private static Map<String, String> tables(EmbeddedPostgres server, String database)
      throws Exception {
    try (Connection connection = server.getDatabase("postgres", database).getConnection()) {
      return tables(connection);
    }
  }

  /** Every table of the schema with its row count and a checksum of all its rows. */
  private static Map<String, String> tables(Connection connection) throws Exception {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select table_name from"
            + " information_schema.tables where table_schema = 'public'"
            + " and table_type = 'BASE TABLE' order by table_name")) {
      while (result.next()) {
        names.add(result.getString(1));
      }
    }
    assertThat(names).contains("act_ru_job", "act_hi_op_log", "eie_document",
        "eie_document_version", "eie_donor_delivery", "flyway_schema_history");
    Map<String, String> tables = new TreeMap<>();
    for (String name : names) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("select count(*), coalesce(md5(string_agg("
              + "t::text, '|' order by t::text)), '-') from " + name + " t")) {
        result.next();
        tables.put(name, result.getLong(1) + " rows " + result.getString(2));
      }
    }
    return tables;
  }

  /**
   * A PostgreSQL client program: the newest Debian installs under /usr/lib/postgresql, else the
   * PATH. pg_dump must be of the server's major version or newer.
   */
  private static Path tool(String name) throws IOException {
    List<Path> candidates = new ArrayList<>();
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.filter(v -> v.getFileName().toString().matches("\\d+"))
            .sorted(Comparator.comparingInt(
                (Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
            .forEach(v -> candidates.add(v.resolve("bin").resolve(name)));
      }
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!directory.isBlank()) {
        candidates.add(Path.of(directory, name));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not found under /usr/lib/postgresql/*/bin"
            + " nor on the PATH: install PostgreSQL's client (Debian: apt-get install"
            + " postgresql-client)"));
  }

  private static void run(Path program, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(program.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue())
        .as(String.join(" ", command) + "\n" + new String(output, StandardCharsets.UTF_8))
        .isZero();
  }

  // --- nodes --------------------------------------------------------------------------------

  /** A whole application on the database; jobs are run by the test, as the executor would. */
  private ConfigurableApplicationContext node(String id, String database) {
    ConfigurableApplicationContext node = new SpringApplicationBuilder(
        EieWorkflowsApplication.class).run(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--eie.demo=true",
        "--eie.node-id=backup-" + id,
        "--eie.scheduling.enabled=false",
        "--camunda.bpm.process-engine-name=backup_" + id + "_"
            + UUID.randomUUID().toString().substring(0, 6),
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestSmtp.PORT,
        "--server.port=0");
    running.add(node);
    return node;
  }

  private void lose(AutoCloseable started) throws Exception {
    running.remove(started);
    started.close();
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }
}
