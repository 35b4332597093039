package org.eie.workflows.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.eie.workflows.EieWorkflowsApplication;
import org.eie.workflows.appeal.AppealBenchmarkDriver;
import org.eie.workflows.appeal.AppealDocumentBenchmark;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark verify}, README "Benchmarks"): prints a table
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
    // -Dbench.only=dashboard: only the dashboard's figures (a few minutes instead of about ten)
    boolean dashboardOnly = "dashboard".equals(System.getProperty("bench.only", ""));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024),
        "java", System.getProperty("java.version")));

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
          EieWorkflowsApplication.class).run(
          "--server.port=0",
          "--spring.main.banner-mode=off",
          "--logging.level.root=WARN",
          "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password,
          "--spring.datasource.hikari.maximum-pool-size=8",
          "--camunda.bpm.job-execution.enabled=false",
          "--camunda.bpm.process-engine-name=benchmark")) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        if (!dashboardOnly) {
          report.put("steps", steps(engine, appealsPerThread));
        }
        report.put("dashboard", DashboardBenchmark.run(engine,
            app.getEnvironment().getProperty("local.server.port", Integer.class)));
      }
      if (!dashboardOnly) {
        report.put("startup", startup(url, user, password));
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    // Last, with the database stopped: its background work after the load (vacuum, checkpoints)
    // shares the cores with the renders otherwise.
    if (!dashboardOnly) {
      report.put("document", document(rounds));
    }
    report.put("memory", memory(System.nanoTime() - runStart, heap.peakBytes()));
    print(report);
    Path out = Path.of("target", "bench.json");
    Files.createDirectories(out.getParent());
    JSON.writeValue(out.toFile(), report);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  // 1. Human steps per second.

  private static Map<String, Object> steps(ProcessEngine engine, int perThread) throws Exception {
    deployBareProcess(engine);
    var appeal = new AppealBenchmarkDriver(engine);
    IntConsumer bare = sequence -> bareInstance(engine, sequence);
    IntConsumer appeals = appeal::runOneAppeal;
    // Warm up both (JIT, caches, deployment cache), then measure each in turn.
    timed(1, 3, bare);
    timed(1, 3, appeals);
    Map<String, Object> result = new LinkedHashMap<>();
    for (int threads : List.of(1, 4)) {
      // Alternating rounds, medians: a load change on the machine hits both sides alike.
      double[] bareSteps = new double[STEP_ROUNDS];
      double[] appealSteps = new double[STEP_ROUNDS];
      double[] ratios = new double[STEP_ROUNDS];
      for (int round = 0; round < STEP_ROUNDS; round++) {
        bareSteps[round] = timed(threads, perThread, bare) * AppealBenchmarkDriver.USER_TASKS;
        appealSteps[round] = timed(threads, perThread, appeals) * AppealBenchmarkDriver.USER_TASKS;
        ratios[round] = appealSteps[round] / bareSteps[round];
      }
      result.put(threads + (threads == 1 ? " thread" : " threads"), Map.of(
          "bareStepsPerSecond", round(median(bareSteps)),
          "appealStepsPerSecond", round(median(appealSteps)),
          "ratio", round(median(ratios)),
          "ratiosOfRounds", Arrays.stream(ratios).map(Benchmarks::round).boxed().toList()));
    }
    result.put("userTasksPerInstance", AppealBenchmarkDriver.USER_TASKS);
    result.put("instancesPerThread", perThread);
    result.put("statements", statements(engine, appeal));
    return result;
  }

  /**
   * Why the step rates differ: the SQL statements one appeal and one bare instance run, per
   * statement and (for the appeal) per engine command.
   */
  private static Map<String, Object> statements(ProcessEngine engine,
      AppealBenchmarkDriver appeal) {
    int steps = AppealBenchmarkDriver.USER_TASKS;
    StatementProfile ours = StatementProfile.of(() -> appeal.runOneAppeal(0));
    StatementProfile bare = StatementProfile.of(() -> bareInstance(engine, 0));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("appealPerStep", round(ours.total() / (double) steps));
    result.put("barePerStep", round(bare.total() / (double) steps));
    result.put("appealByStatement", byCountDescending(ours.byStatement()));
    result.put("bareByStatement", byCountDescending(bare.byStatement()));
    result.put("appealByCommand", ours.byCommand());
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
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("benchmarkBareSteps")
        .camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= AppealBenchmarkDriver.USER_TASKS; i++) {
      flow = flow.userTask("Task_Step" + i).camundaCandidateGroups("coleads-LB");
    }
    engine.getRepositoryService().createDeployment().name("benchmark")
        .addModelInstance("benchmarkBareSteps.bpmn", flow.endEvent().done()).deploy();
  }

  private static void bareInstance(ProcessEngine engine, int sequence) {
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey("benchmarkBareSteps").getId();
    for (int step = 1; step <= AppealBenchmarkDriver.USER_TASKS; step++) {
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .singleResult().getId();
      Map<String, Object> variables = new LinkedHashMap<>();
      for (int v = 1; v <= 10; v++) {
        variables.put("step" + step + "Value" + v, v % 2 == 0 ? (Object) ("value " + v) : v);
      }
      engine.getTaskService().complete(task, variables);
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
        "ratio", round(result.ratio()));
  }

  // 3. Start-up: a fresh JVM each time, to health UP, all processes deployed.

  private static Map<String, Object> startup(String url, String user, String password)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double[] seconds = new double[3];
    for (int i = 0; i < seconds.length; i++) {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      long start = System.nanoTime();
      Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          EieWorkflowsApplication.class.getName(),
          "--server.port=" + port,
          "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + user,
          "--spring.datasource.password=" + password,
          "--camunda.bpm.job-execution.enabled=false")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      try {
        waitUntilHealthy(port, process);
        seconds[i] = (System.nanoTime() - start) / 1e9;
      } finally {
        process.destroy();
        process.waitFor();
      }
    }
    Arrays.sort(seconds);
    return Map.of("medianSeconds", round(seconds[1]), "runsSeconds",
        Arrays.stream(seconds).map(Benchmarks::round).boxed().toList());
  }

  private static void waitUntilHealthy(int port, Process process) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited during start-up");
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Not healthy within 3 minutes");
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

  // Output.

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> report) {
    var dashboard = (Map<String, Object>) report.get("dashboard");
    System.out.println();
    System.out.println("Dashboard with " + dashboard.get("appeals") + " appeals and "
        + dashboard.get("historicTasks") + " historic tasks, as the Secretariat:");
    for (String page : List.of("overview", "apiAppeals")) {
      var row = (Map<String, Object>) dashboard.get(page);
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          ("overview".equals(page) ? "GET /dashboard" : "GET /api/appeals") + ", p50 / p95 ms",
          row.get("p50Ms"), row.get("p95Ms"), row.get("bytes") + " B", "p95 <= 300");
    }
    if (!report.containsKey("steps")) {
      return;
    }
    var steps = (Map<String, Object>) report.get("steps");
    var document = (Map<String, Object>) report.get("document");
    var startup = (Map<String, Object>) report.get("startup");
    var memory = (Map<String, Object>) report.get("memory");
    System.out.println();
    System.out.println("EiE Workflows benchmark");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n", "measure", "ours", "baseline",
        "ratio", "target");
    for (String threads : List.of("1 thread", "4 threads")) {
      var row = (Map<String, Object>) steps.get(threads);
      System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
          "appeal steps/s vs bare steps/s, " + threads, row.get("appealStepsPerSecond"),
          row.get("bareStepsPerSecond"), row.get("ratio"), ">= 1.0 (aim 1.2)");
    }
    var statements = (Map<String, Object>) steps.get("statements");
    double oursPerStep = (Double) statements.get("appealPerStep");
    double barePerStep = (Double) statements.get("barePerStep");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "SQL statements per step (appeal vs bare)", oursPerStep, barePerStep,
        round(oursPerStep / barePerStep), "(why the rates differ)");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "appeal document, " + document.get("projects") + " projects (" + document.get("pages")
            + " pages), ms",
        document.get("oursMedianMs"), document.get("plainMedianMs"), document.get("ratio"),
        "<= 1.1");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n", "start-up to ready, s (median of 3)",
        startup.get("medianSeconds"), "", "", "");
    System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s %s%n",
        "GC share of run (heap " + memory.get("maxHeapMiB") + " MiB, peak "
            + memory.get("peakHeapMiB") + ")", memory.get("gcShareOfRun"), "", "", "< 0.10");
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

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
