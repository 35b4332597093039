package org.eie.workflows.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.appeal.AppealBenchmarkDriver;
import org.eie.workflows.appeal.AppealScenario;

/**
 * The dashboard's overview and {@code GET /api/appeals} with 1,000 appeals and 10,000 historic
 * tasks in the database (sizes: {@code bench.dashboard.appeals}, {@code bench.dashboard.tasks}):
 * the database is topped up to those sizes with appeals driven through their whole preparation
 * (15 human tasks each, as the step benchmark does) and appeals of Lebanon and Colombia at their
 * first steps with onsets spread over three weeks (some overdue), all through the engine as the
 * co-leads. Then each page is requested as the Secretariat (every country: the largest answer)
 * after warm-ups, one request at a time; p50 and p95 of the response times.
 */
final class DashboardBenchmark {

  private static final int WARM_UPS = 10;
  private static final int REQUESTS = 100;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private DashboardBenchmark() {
  }

  static Map<String, Object> run(ProcessEngine engine, int port) throws Exception {
    int appeals = Integer.getInteger("bench.dashboard.appeals", 1000);
    int tasks = Integer.getInteger("bench.dashboard.tasks", 10_000);
    Map<String, Object> result = new LinkedHashMap<>();
    long seedStart = System.nanoTime();
    seed(engine, appeals, tasks);
    result.put("seedSeconds", Math.round((System.nanoTime() - seedStart) / 1e9));
    result.put("appeals", engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count());
    result.put("historicTasks", engine.getHistoryService().createHistoricTaskInstanceQuery()
        .count());

    String base = "http://localhost:" + port;
    HttpClient session = logIn(base, "secretariat");
    result.put("overview", measure(() -> session.send(HttpRequest.newBuilder(
        URI.create(base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString())));
    HttpClient plain = HttpClient.newHttpClient();
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        "secretariat:demo".getBytes(StandardCharsets.UTF_8));
    result.put("apiAppeals", measure(() -> plain.send(HttpRequest.newBuilder(
        URI.create(base + "/api/appeals")).header("Authorization", basic).build(),
        HttpResponse.BodyHandlers.ofString())));
    return result;
  }

  private static void seed(ProcessEngine engine, int appeals, int tasks) throws Exception {
    var history = engine.getHistoryService();
    long existing = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").count();
    long existingTasks = history.createHistoricTaskInstanceQuery().count();
    // An early appeal leaves 2 historic tasks; a prepared one about 16 (with its sub-instances).
    long missingTasks = Math.max(0, tasks - existingTasks - 2L * Math.max(0, appeals - existing));
    int prepared = (int) Math.min(Math.max(0, appeals - existing), (missingTasks + 13) / 14);
    int early = (int) Math.max(0, appeals - existing - prepared);
    var driver = new AppealBenchmarkDriver(engine);
    parallel(prepared, driver::runOneAppeal);
    parallel(early, sequence -> earlyAppeal(engine, sequence));
  }

  /** Lebanon or Colombia, activated, onset 0 to 20 days ago: past 3 days the assessment is overdue. */
  private static void earlyAppeal(ProcessEngine engine, int sequence) {
    boolean lebanon = sequence % 2 == 0;
    String coLead = lebanon ? "lb.unicef" : "co.unicef";
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("country", lebanon ? "LB" : "CO");
    trigger.put("emergencyType", lebanon ? "Explosion" : "Floods");
    trigger.put("onset", Instant.now().minus(Duration.ofHours(2 + (sequence % 21) * 24L))
        .toString());
    trigger.put("onsetConfirmed", true); // up to three weeks back: confirmed, as a user must
    as(engine, coLead);
    try {
      ProcessInstance appeal = engine.getRuntimeService()
          .createProcessInstanceByKey("emergencyFundingAppeal")
          .businessKey("BENCH-DASH-" + sequence + "-" + System.nanoTime())
          .setVariables(trigger).execute();
      var task = engine.getTaskService().createTaskQuery().processInstanceId(appeal.getId())
          .taskDefinitionKey("Task_ConfirmActivation").singleResult();
      engine.getFormService().submitTaskForm(task.getId(), AppealScenario.go());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void as(ProcessEngine engine, String user) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user,
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  private static void parallel(int count, java.util.function.IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.accept(i);
          }
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The dashboard's form login, as a browser does it: the CSRF token from the login page. */
  private static HttpClient logIn(String base, String user) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String page = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on the login page");
    }
    String form = "username=" + user + "&password=demo&_csrf="
        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.discarding());
    return client;
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  private static Map<String, Object> measure(Call call) throws Exception {
    for (int i = 0; i < WARM_UPS; i++) {
      check(call.send());
    }
    double[] millis = new double[REQUESTS];
    int bytes = 0;
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = call.send();
      millis[i] = (System.nanoTime() - start) / 1e6;
      check(response);
      bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
    }
    Arrays.sort(millis);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("requests", REQUESTS);
    result.put("p50Ms", Math.round(millis[REQUESTS / 2 - 1] * 10) / 10.0);
    result.put("p95Ms", Math.round(millis[(int) Math.ceil(REQUESTS * 0.95) - 1] * 10) / 10.0);
    result.put("maxMs", Math.round(millis[REQUESTS - 1] * 10) / 10.0);
    result.put("bytes", bytes);
    return result;
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
    }
  }
}
