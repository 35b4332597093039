package org.eie.workflows.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.eie.workflows.EieWorkflowsApplication;
import org.eie.workflows.appeal.AppealBenchmarkDriver;
import org.eie.workflows.appeal.document.AppealDocumentBenchmark;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark verify}, docs/benchmarks.md "Benchmarks"): prints a table
 * and writes {@code target/bench.json}.
 *
 * <ol>
 *   <li>Appeal steps per second: appeals driven through every human task as the demo users, with
 *   authorization checks on, against a bare BPMN with as many user tasks whose completions each
 *   set 10 loose variables; one thread and four, on PostgreSQL. Then the why: the SQL statements
 *   of one appeal and of one bare instance, per statement and per engine command
 *   ({@link StatementProfile}).</li>
 *   <li>The appeal document for 200 projects: median warm render, ours against the same XHTML
 *   handed straight to the PDF library.</li>
 *   <li>Start-up to ready (health UP) with all processes deployed, median of 3 fresh JVMs.</li>
 *   <li>Memory: this JVM runs with {@code -Xmx384m}; the most heap in use (sampled) and GC time
 *   as a share of the run.</li>
 * </ol>
 * PostgreSQL: {@code EIE_BENCH_DB_URL}, {@code EIE_BENCH_DB_USER}, {@code EIE_BENCH_DB_PASSWORD}
 * name a server; without them an embedded PostgreSQL is started. Sizes: system properties
 * {@code bench.appeals} (per thread and round, default 20; three alternating rounds),
 * {@code bench.rounds} (document renders, default 21) and {@code bench.projects} (projects in
 * the document, default 200).
 */
public final class Benchmarks {

  /** Rounds of bare and appeal instances, alternating, per thread count. */
  private static final int STEP_ROUNDS = 3;

  private static final String BARE_PROCESS = "benchmarkBareSteps";

  /** Who runs the bare steps with checks on, and their groups and tenants (as a session has). */
  private record User(String id, List<String> groups, List<String> tenants) {

    static User of(ProcessEngine engine, String id) {
      var identity = engine.getIdentityService();
      return new User(id,
          identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
          identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
              .map(Tenant::getId).toList());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Benchmarks() {
  }

  public static void main(String[] args) throws Exception {
    long runStart = System.nanoTime();
    HeapSampler heap = HeapSampler.start();
    // Only the table: the embedded database and the engine log at INFO before Spring configures
    // logging.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
    int appealsPerThread = Integer.getInteger("bench.appeals", 20);
    int rounds = Integer.getInteger("bench.rounds", 21);
    // -Dbench.only=dashboard: only the dashboard's figures (a few minutes instead of about ten);
    // -Dbench.only=steps: only the step rates and their statements (to compare engine settings,
    // given with -Dbench.args="--camunda.bpm...=... --..." as the application's arguments);
    // -Dbench.only=tasklist: the dashboard's data, then only Tasklist under load;
    // -Dbench.only=document: only the document against plain openhtmltopdf (no database).
    String only = System.getProperty("bench.only", "");
    boolean documentOnly = "document".equals(only);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
        "java", System.getProperty("java.version")));

    if (!documentOnly) {
      withTheApplication(report, only, appealsPerThread);
    }
    // Last, with the database stopped: its background work after the load (vacuum, checkpoints)
    // shares the cores with the renders otherwise.
    if (only.isEmpty() || documentOnly) {
      report.put("document", document(rounds));
    }
    report.put("memory", memory(System.nanoTime() - runStart, heap.peakBytes()));
    report.put("targets", targets(report));
    print(report);
    Path out = Path.of("target", "bench.json");
    Files.createDirectories(out.getParent());
    JSON.writeValue(out.toFile(), report);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** 1-6: the application in this JVM, then packaged, on PostgreSQL (embedded or given). */
  private static void withTheApplication(Map<String, Object> report, String only,
      int appealsPerThread) throws Exception {
    boolean tasklistOnly = "tasklist".equals(only);
    boolean dashboardOnly = "dashboard".equals(only) || tasklistOnly;
    boolean stepsOnly = "steps".equals(only);
    EmbeddedPostgres embedded = null;
    String url = System.getenv("EIE_BENCH_DB_URL");
    String user = System.getenv().getOrDefault("EIE_BENCH_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("EIE_BENCH_DB_PASSWORD", "postgres");
    if (url == null) {
      embedded = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
      url = embedded.getJdbcUrl("postgres", "postgres");
    }
    try {
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
          EieWorkflowsApplication.class).run(withExtraArguments(
          "--server.port=0",
          "--spring.main.banner-mode=off",
          "--logging.level.root=WARN",
          "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password,
          "--spring.datasource.hikari.maximum-pool-size=8",
          "--camunda.bpm.job-execution.enabled=false",
          "--camunda.bpm.process-engine-name=benchmark"))) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        if (!dashboardOnly) {
          report.put("steps", steps(engine, appealsPerThread));
        }
        if (!stepsOnly) {
          report.put("dashboard", DashboardBenchmark.run(engine,
              app.getEnvironment().getProperty("local.server.port", Integer.class)));
        }
      }
      if (only.isEmpty() || tasklistOnly) {
        report.put("packaged", packaged(new PackagedApp.Database(url, user, password),
            !tasklistOnly));
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The fixed arguments, then those of {@code -Dbench.args}, split at spaces. */
  private static String[] withExtraArguments(String... fixed) {
    List<String> arguments = new ArrayList<>(List.of(fixed));
    String extra = System.getProperty("bench.args", "").trim();
    if (!extra.isEmpty()) {
      arguments.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return arguments.toArray(String[]::new);
  }

  // 1. Human steps per second.

  private static Map<String, Object> steps(ProcessEngine engine, int perThread) throws Exception {
    deployBareProcess(engine);
    // A Lebanon co-lead, as in the appeal.
    User coLead = User.of(engine, "lb.unicef");
    var appeal = new AppealBenchmarkDriver(engine);
    IntConsumer bare = sequence -> bareInstance(engine, sequence, null);
    IntConsumer bareAsUser = sequence -> bareInstance(engine, sequence, coLead);
    IntConsumer appeals = appeal::runOneAppeal;
    // Warm up all three (JIT, caches, deployment cache), then measure each in turn.
    timed(1, 3, bare);
    timed(1, 3, bareAsUser);
    timed(1, 3, appeals);
    Map<String, Object> result = new LinkedHashMap<>();
    for (int threads : List.of(1, 4)) {
      // Alternating rounds, medians: a load change on the machine hits all three sides alike.
      double[] bareSteps = new double[STEP_ROUNDS];
      double[] bareAsUserSteps = new double[STEP_ROUNDS];
      double[] appealSteps = new double[STEP_ROUNDS];
      double[] ratios = new double[STEP_ROUNDS];
      double[] ratiosAsUser = new double[STEP_ROUNDS];
      for (int round = 0; round < STEP_ROUNDS; round++) {
        bareSteps[round] = timed(threads, perThread, bare) * AppealBenchmarkDriver.USER_TASKS;
        bareAsUserSteps[round] = timed(threads, perThread, bareAsUser)
            * AppealBenchmarkDriver.USER_TASKS;
        appealSteps[round] = timed(threads, perThread, appeals) * AppealBenchmarkDriver.USER_TASKS;
        ratios[round] = appealSteps[round] / bareSteps[round];
        ratiosAsUser[round] = appealSteps[round] / bareAsUserSteps[round];
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bareStepsPerSecond", round(median(bareSteps)));
      row.put("bareAsUserStepsPerSecond", round(median(bareAsUserSteps)));
      row.put("appealStepsPerSecond", round(median(appealSteps)));
      row.put("ratio", spread(ratios));
      row.put("ratioAsUser", spread(ratiosAsUser));
      result.put(threads + (threads == 1 ? " thread" : " threads"), row);
    }
    result.put("userTasksPerInstance", AppealBenchmarkDriver.USER_TASKS);
    result.put("instancesPerThread", perThread);
    result.put("rounds", STEP_ROUNDS);
    result.put("statements", statements(engine, appeal, coLead));
    return result;
  }

  /** Minimum, median and maximum of paired figures, rounded. */
  static Map<String, Object> spread(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("min", round(sorted[0]));
    result.put("median", round(median(sorted)));
    result.put("max", round(sorted[sorted.length - 1]));
    return result;
  }

  /**
   * Why the step rates differ: the SQL statements one appeal and one bare instance run, per
   * statement and (for the appeal) per engine command.
   */
  private static Map<String, Object> statements(ProcessEngine engine,
      AppealBenchmarkDriver appeal, User coLead) {
    int steps = AppealBenchmarkDriver.USER_TASKS;
    StatementProfile ours = StatementProfile.of(() -> appeal.runOneAppeal(0));
    StatementProfile bare = StatementProfile.of(() -> bareInstance(engine, 0, null));
    StatementProfile bareAsUser = StatementProfile.of(() -> bareInstance(engine, 0, coLead));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("appealPerStep", round(ours.total() / (double) steps));
    result.put("barePerStep", round(bare.total() / (double) steps));
    result.put("bareAsUserPerStep", round(bareAsUser.total() / (double) steps));
    result.put("appealByStatement", byCountDescending(ours.byStatement()));
    result.put("bareByStatement", byCountDescending(bare.byStatement()));
    result.put("appealByCommand", ours.byCommand());
    result.put("appealByCommandAndStatement", ours.byCommandAndStatement());
    return result;
  }

  private static Map<String, Integer> byCountDescending(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }

  private static void deployBareProcess(ProcessEngine engine) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_PROCESS)
        .camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= AppealBenchmarkDriver.USER_TASKS; i++) {
      flow = flow.userTask("Task_Step" + i).camundaCandidateGroups("coleads-LB");
    }
    engine.getRepositoryService().createDeployment().name("benchmark")
        .addModelInstance("benchmarkBareSteps.bpmn", flow.endEvent().done()).deploy();
    // The Lebanon co-leads may start it, as they may start an appeal; its tasks are theirs as
    // candidates, like the appeal's.
    var authorizations = engine.getAuthorizationService();
    if (authorizations.createAuthorizationQuery().groupIdIn("coleads-LB")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(BARE_PROCESS).count() == 0) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("coleads-LB");
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(BARE_PROCESS);
      grant.addPermission(Permissions.CREATE_INSTANCE);
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    }
  }

  /**
   * One bare instance, its 15 tasks each completed with 10 loose variables; with a user, as that
   * user with authorization and tenant checks on, in the user's country's tenant (as an appeal).
   */
  private static void bareInstance(ProcessEngine engine, int sequence, User user) {
    var identity = engine.getIdentityService();
    if (user != null) {
      identity.setAuthentication(user.id(), user.groups(), user.tenants());
    }
    try {
      String instance = user == null
          ? engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS).getId()
          : engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS,
              Map.of("country", "LB")).getId();
      for (int step = 1; step <= AppealBenchmarkDriver.USER_TASKS; step++) {
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
            .singleResult().getId();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int v = 1; v <= 10; v++) {
          variables.put("step" + step + "Value" + v, v % 2 == 0 ? (Object) ("value " + v) : v);
        }
        engine.getTaskService().complete(task, variables);
      }
    } finally {
      if (user != null) {
        identity.clearAuthentication();
      }
    }
  }

  /** Runs {@code perThread} instances on each of {@code threads}; returns instances per second. */
  private static double timed(int threads, int perThread, IntConsumer instance) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger sequence = new AtomicInteger();
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            instance.accept(sequence.incrementAndGet());
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      return threads * perThread / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  // 2. The appeal document.

  private static Map<String, Object> document(int rounds) {
    int projects = Integer.getInteger("bench.projects", 200);
    var result = new AppealDocumentBenchmark().run(projects, 10, rounds);
    return Map.of("projects", projects, "pages", result.pages(), "rounds", rounds,
        "oursMedianMs", round(result.oursMedianMs()),
        "plainMedianMs", round(result.plainMedianMs()),
        "ratio", round(result.ratio()),
        "ratioOfRounds", spread(result.roundRatios()));
  }

  // 3. Start-up of the packaged jar, a fresh JVM each time, to health UP, all processes
  // deployed; as it is and extracted with a class data sharing archive. 4. Tasklist under load
  // against the packaged application on the database the steps and the dashboard filled.

  private static final int STARTS = 3;

  private static Map<String, Object> packaged(PackagedApp.Database database, boolean startUps)
      throws Exception {
    Path jar = PackagedApp.jar();
    Map<String, Object> result = new LinkedHashMap<>();
    if (startUps) {
      result.put("startupJarSeconds", startUps(jar, List.of(), database));
    }
    Path extracted = PackagedApp.extractWithClassDataSharing(jar, database);
    if (startUps) {
      result.put("startupExtractedWithCdsSeconds",
          startUps(extracted, PackagedApp.classDataSharing(), database));
      // The same extracted jar on a JDK 25 or later with its ahead-of-time cache, if there is one.
      Optional<Path> aotJava = PackagedApp.aotJava();
      if (aotJava.isPresent()) {
        List<String> cache = PackagedApp.trainAotCache(aotJava.get(), extracted, database);
        Map<String, Object> aot =
            new LinkedHashMap<>(startUps(aotJava.get(), extracted, cache, database));
        aot.put("java", aotJava.get().toString());
        result.put("startupExtractedWithAotCacheSeconds", aot);
      }
    }
    Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.load.warmup", 10));
    Duration measured = Duration.ofSeconds(Integer.getInteger("bench.load.seconds", 30));
    // EIE_BENCH_LOAD_JVM: other JVM options for the application under load instead of the class
    // data sharing archive, e.g. a flight recording
    // ("-XX:StartFlightRecording=filename=target/load.jfr,settings=profile": Java 17's flight
    // recorder and a dynamic CDS archive crash the JVM together).
    String other = System.getenv().getOrDefault("EIE_BENCH_LOAD_JVM", "").trim();
    List<String> loadOptions = other.isEmpty() ? PackagedApp.classDataSharing()
        : Arrays.asList(other.split("\\s+"));
    // Both at once, measured in turn: an idle application costs the other next to nothing.
    try (var app = PackagedApp.start(extracted, loadOptions, database);
        var bare = PackagedApp.startBareCamunda(database)) {
      result.put("tasklist", TasklistLoad.compare(app.port, bare.port, warmUp, measured,
          Integer.getInteger("bench.load.rounds", 2)));
    }
    return result;
  }

  /** Seconds to health UP of {@link #STARTS} fresh starts. */
  private static Map<String, Object> startUps(Path jar, List<String> jvmOptions,
      PackagedApp.Database database) throws Exception {
    return startUps(PackagedApp.thisJava(), jar, jvmOptions, database);
  }

  /** {@link #startUps(Path, List, PackagedApp.Database)} with another JVM, {@code java}. */
  private static Map<String, Object> startUps(Path java, Path jar, List<String> jvmOptions,
      PackagedApp.Database database) throws Exception {
    double[] seconds = new double[STARTS];
    for (int i = 0; i < STARTS; i++) {
      try (var app = PackagedApp.start(java, jar, jvmOptions, database)) {
        seconds[i] = app.secondsToHealthy;
      }
    }
    return spread(seconds);
  }

  // 4. Memory.

  private static Map<String, Object> memory(long runNanos, long peakHeap) {
    long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    double runSeconds = runNanos / 1e9;
    return Map.of("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
        "peakHeapMiB", peakHeap / (1024 * 1024),
        "gcSeconds", round(gcMillis / 1000.0),
        "runSeconds", round(runSeconds),
        "gcShareOfRun", round(gcMillis / 1000.0 / runSeconds));
  }

  /** The most heap in use at any moment of the run, sampled every 20 ms. */
  private static final class HeapSampler {

    private final java.util.concurrent.atomic.AtomicLong peak =
        new java.util.concurrent.atomic.AtomicLong();

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      Thread thread = new Thread(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (true) {
          sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
      return sampler;
    }

    long peakBytes() {
      return peak.get();
    }
  }

  // The targets: each a stable key in bench.json, with its figure, its bound and whether it is
  // met; a part the run left out (-Dbench.only) leaves its rows out.

  @SuppressWarnings("unchecked")
  static Map<String, Object> targets(Map<String, Object> report) {
    Map<String, Object> targets = new LinkedHashMap<>();
    var packaged = (Map<String, Object>) report.get("packaged");
    if (packaged != null) {
      var tasklist = (Map<String, Object>) packaged.get("tasklist");
      for (String users : List.of("10 users", "50 users")) {
        var row = (Map<String, Object>) tasklist.get(users);
        String suffix = users.replace(" users", "Users");
        target(targets, "tasklistP95VsBare" + suffix, "Tasklist p95 / bare Camunda webapp, "
            + users, median(row, "p95Ratio"), "<=", 0.8);
        if ("50 users".equals(users)) {
          target(targets, "formVariablesP95VsBare50Users", "form variables p95 / bare, 50 users",
              median(row, "formVariablesP95Ratio"), "<=", 1.0);
          target(targets, "deployedFormP95VsBare50Users", "deployed form p95 / bare, 50 users",
              median(row, "deployedFormP95Ratio"), "<=", 1.0);
        }
      }
      var startup = (Map<String, Object>) packaged.get("startupExtractedWithCdsSeconds");
      var startupAot = (Map<String, Object>) packaged.get("startupExtractedWithAotCacheSeconds");
      if (startupAot != null) {
        target(targets, "startupSeconds",
            "start-up to health UP (extracted + JDK 25 AOT cache), s",
            ((Number) startupAot.get("median")).doubleValue(), "<=", 8.0);
      } else if (startup != null) {
        target(targets, "startupSeconds", "start-up to health UP (extracted + CDS), s",
            ((Number) startup.get("median")).doubleValue(), "<=", 8.0);
      }
    }
    var steps = (Map<String, Object>) report.get("steps");
    if (steps != null) {
      for (String threads : List.of("1 thread", "4 threads")) {
        var row = (Map<String, Object>) steps.get(threads);
        String suffix = threads.startsWith("1") ? "1Thread" : "4Threads";
        target(targets, "appealStepsVsBare" + suffix, "appeal steps / bare steps, " + threads,
            median(row, "ratio"), ">=", 1.0);
        target(targets, "appealStepsVsBareAsUser" + suffix,
            "appeal steps / bare steps as a user, " + threads, median(row, "ratioAsUser"), ">=",
            1.2);
      }
      var statements = (Map<String, Object>) steps.get("statements");
      target(targets, "statementsPerStepVsBare", "SQL statements per step / bare",
          round((Double) statements.get("appealPerStep") / (Double) statements.get(
              "barePerStep")), "<=", 1.2);
    }
    var document = (Map<String, Object>) report.get("document");
    if (document != null) {
      target(targets, "documentVsOpenhtmltopdf", "appeal document / openhtmltopdf, same options",
          ((Number) document.get("ratio")).doubleValue(), "<=", 1.0);
    }
    return targets;
  }

  @SuppressWarnings("unchecked")
  private static double median(Map<String, Object> row, String spread) {
    return ((Number) ((Map<String, Object>) row.get(spread)).get("median")).doubleValue();
  }

  private static void target(Map<String, Object> targets, String key, String measure,
      double value, String comparison, double bound) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("measure", measure);
    row.put("value", value);
    row.put("target", comparison + " " + bound);
    row.put("met", "<=".equals(comparison) ? value <= bound : value >= bound);
    targets.put(key, row);
  }

  @SuppressWarnings("unchecked")
  private static void printTargets(Map<String, Object> targets) {
    System.out.println();
    System.out.println("Targets (bench.json \"targets\"):");
    targets.forEach((key, value) -> {
      var row = (Map<String, Object>) value;
      System.out.printf(Locale.ROOT, "  %-52s %8s %8s  %s%n", row.get("measure"),
          row.get("value"), row.get("target"), (Boolean) row.get("met") ? "met" : "NOT MET");
    });
  }

  // Output.

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> report) {
    var dashboard = (Map<String, Object>) report.get("dashboard");
    if (dashboard != null) {
      printDashboard(dashboard);
    }
    if (!report.containsKey("steps")) {
      if (report.containsKey("packaged")) {
        printTasklist((Map<String, Object>) report.get("packaged"));
      }
      printTargets((Map<String, Object>) report.get("targets"));
      return;
    }
    var steps = (Map<String, Object>) report.get("steps");
    System.out.println();
    System.out.println("EiE Workflows benchmark");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n", "measure", "ours", "baseline",
        "ratio", "target");
    printSteps(steps);
    if (report.containsKey("packaged")) {
      printRest(report);
    }
    printStatements(steps);
    printTargets((Map<String, Object>) report.get("targets"));
  }

  @SuppressWarnings("unchecked")
  private static void printDashboard(Map<String, Object> dashboard) {
    System.out.println();
    System.out.println("Dashboard with " + dashboard.get("appeals") + " appeals and "
        + dashboard.get("historicTasks") + " historic tasks, as the Secretariat:");
    for (String page : List.of("overview", "apiAppeals")) {
      var row = (Map<String, Object>) dashboard.get(page);
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          ("overview".equals(page) ? "GET /dashboard" : "GET /api/appeals") + ", p50 / p95 ms",
          row.get("p50Ms"), row.get("p95Ms"), row.get("bytes") + " B", "p95 <= 300");
    }
  }

  @SuppressWarnings("unchecked")
  private static void printSteps(Map<String, Object> steps) {
    for (String threads : List.of("1 thread", "4 threads")) {
      var row = (Map<String, Object>) steps.get(threads);
      var ratio = (Map<String, Object>) row.get("ratio");
      var ratioAsUser = (Map<String, Object>) row.get("ratioAsUser");
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          "appeal steps/s vs bare steps/s, " + threads, row.get("appealStepsPerSecond"),
          row.get("bareStepsPerSecond"), ratio.get("median"), ">= 1.0, rounds "
              + spreadOf(ratio));
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          "  vs bare steps as a user, checks on, " + threads, row.get("appealStepsPerSecond"),
          row.get("bareAsUserStepsPerSecond"), ratioAsUser.get("median"), ">= 1.2, rounds "
              + spreadOf(ratioAsUser));
    }
    var statements = (Map<String, Object>) steps.get("statements");
    double oursPerStep = (Double) statements.get("appealPerStep");
    double barePerStep = (Double) statements.get("barePerStep");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "SQL statements per step (appeal vs bare)", oursPerStep, barePerStep,
        round(oursPerStep / barePerStep), "<= 1.2");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "  vs bare steps as a user, checks on", oursPerStep, statements.get("bareAsUserPerStep"),
        round(oursPerStep / (Double) statements.get("bareAsUserPerStep")), "");
  }

  @SuppressWarnings("unchecked")
  private static void printRest(Map<String, Object> report) {
    var document = (Map<String, Object>) report.get("document");
    var packaged = (Map<String, Object>) report.get("packaged");
    var memory = (Map<String, Object>) report.get("memory");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "appeal document, " + document.get("projects") + " projects (" + document.get("pages")
            + " pages), ms",
        document.get("oursMedianMs"), document.get("plainMedianMs"), document.get("ratio"),
        "<= 1.0, rounds " + spreadOf((Map<String, Object>) document.get("ratioOfRounds")));
    var startup = (Map<String, Object>) packaged.get("startupJarSeconds");
    var startupCds = (Map<String, Object>) packaged.get("startupExtractedWithCdsSeconds");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "start-up to health UP, jar, s", startup.get("median"), spreadOf(startup), "", "<= 8");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "start-up to health UP, extracted + CDS, s", startupCds.get("median"),
        spreadOf(startupCds), "", "<= 8");
    var startupAot = (Map<String, Object>) packaged.get("startupExtractedWithAotCacheSeconds");
    if (startupAot != null) {
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          "start-up, extracted + JDK 25 AOT cache, s", startupAot.get("median"),
          spreadOf(startupAot), "", "<= 8");
    }
    printTasklist(packaged);
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "GC share of run (heap " + memory.get("maxHeapMiB") + " MiB, peak "
            + memory.get("peakHeapMiB") + ")", memory.get("gcShareOfRun"), "", "", "< 0.10");
  }

  @SuppressWarnings("unchecked")
  private static void printTasklist(Map<String, Object> packaged) {
    var tasklist = (Map<String, Object>) packaged.get("tasklist");
    for (String users : List.of("50 users", "10 users")) {
      var row = (Map<String, Object>) tasklist.get(users);
      var ours = (List<Map<String, Object>>) row.get("ours");
      var bare = (List<Map<String, Object>>) row.get("bare");
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          "Tasklist's 4 calls, " + users + ", p95 ms", p95s(ours, "all"), p95s(bare, "all"),
          ((Map<String, Object>) row.get("p95Ratio")).get("median"),
          "<= 0.8, errors " + errors(ours) + " / " + errors(bare));
      for (String call : TasklistLoad.CALLS) {
        System.out.printf(Locale.ROOT, "  %-42s %14s %14s%n", call + ", p95 ms",
            p95s(ours, call), p95s(bare, call));
      }
    }
  }

  /** The p95 of one call in each round, as "a / b". */
  @SuppressWarnings("unchecked")
  private static String p95s(List<Map<String, Object>> runs, String call) {
    return String.join(" / ", runs.stream().map(run -> String.valueOf(
        ((Map<String, Object>) run.get(call)).get("p95Ms"))).toList());
  }

  private static int errors(List<Map<String, Object>> runs) {
    return runs.stream().mapToInt(run -> (Integer) run.get("errors")).sum();
  }

  @SuppressWarnings("unchecked")
  private static void printStatements(Map<String, Object> steps) {
    var statements = (Map<String, Object>) steps.get("statements");
    System.out.println();
    System.out.println("Statements of one appeal beyond those of one bare instance (top 12;"
        + " all, and per command, in bench.json):");
    var ours = (Map<String, Integer>) statements.get("appealByStatement");
    var bare = (Map<String, Integer>) statements.get("bareByStatement");
    ours.entrySet().stream()
        .map(entry -> Map.entry(entry.getKey(),
            entry.getValue() - bare.getOrDefault(entry.getKey(), 0)))
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
        .forEach(entry -> System.out.printf(Locale.ROOT, "  %+5d  %s%n", entry.getValue(),
            entry.getKey()));
  }

  private static String spreadOf(Map<String, Object> spread) {
    return spread.get("min") + "-" + spread.get("max");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
