package org.eie.workflows.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasklist under load: virtual users, each logged into Tasklist as a demo co-lead or the
 * Secretariat (session cookie and CSRF token, as the browser), repeat without pause what
 * Tasklist asks when a user opens a task: the filter list with counts, the filter's task list
 * (HAL, as Tasklist asks for it), the first task's form variables and its deployed Camunda Form.
 * Against the packaged application on loopback; bounded in time: a warm-up, then a measured
 * window, per number of users. p50, p95, p99 over every call, per call, and the errors (any
 * answer other than 2xx, or a failed connection). {@link #compare} runs the same against Camunda's
 * bare webapp on the same database.
 */
final class TasklistLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final List<String> USERS = List.of("lb.unicef", "lb.savethechildren",
      "co.unicef", "co.savethechildren", "secretariat");
  private static final String TASK_LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"created\","
      + "\"sortOrder\":\"desc\"}],\"active\":true}";
  static final List<String> CALLS = List.of("filterList", "taskList", "formVariables",
      "deployedForm");

  private TasklistLoad() {
  }

  /** One run of {@code users} virtual users: warm-up, then the measured window. */
  static Map<String, Object> run(int port, int users, Duration warmUp, Duration measured)
      throws Exception {
    String base = "http://127.0.0.1:" + port;
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      sessions.add(Session.login(base, USERS.get(i % USERS.size())));
    }
    ConcurrentLinkedQueue<double[]> timings = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Session session : sessions) {
        running.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            session.openFirstTask(measureFrom, end, timings, errors);
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("users", users);
    result.put("measuredSeconds", measured.toSeconds());
    result.put("all", percentiles(timings.stream().mapToDouble(t -> t[1]).toArray(),
        measured));
    for (int call = 0; call < CALLS.size(); call++) {
      int which = call;
      result.put(CALLS.get(call), percentiles(timings.stream().filter(t -> t[0] == which)
          .mapToDouble(t -> t[1]).toArray(), measured));
    }
    result.put("errors", errors.get());
    return result;
  }

  /**
   * Ours against the bare Camunda webapp on the same database, same users and call mix: for 50
   * and then 10 users, {@code rounds} alternating rounds (ours first in even rounds, the bare
   * webapp first in odd ones, so a change of load on the machine hits both alike). Each side's
   * runs, and the min, median and max of the paired ratios (ours / bare) of p95 over every call,
   * of the form variables' and the deployed form's p95, and of requests per second.
   */
  static Map<String, Object> compare(int oursPort, int barePort, Duration warmUp,
      Duration measured, int rounds) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int users : List.of(50, 10)) {
      List<Map<String, Object>> ours = new ArrayList<>();
      List<Map<String, Object>> bare = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 0) {
          ours.add(run(oursPort, users, warmUp, measured));
          bare.add(run(barePort, users, warmUp, measured));
        } else {
          bare.add(run(barePort, users, warmUp, measured));
          ours.add(run(oursPort, users, warmUp, measured));
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("p95Ratio", Benchmarks.spread(ratios(ours, bare, "all", "p95Ms")));
      row.put("formVariablesP95Ratio",
          Benchmarks.spread(ratios(ours, bare, "formVariables", "p95Ms")));
      row.put("deployedFormP95Ratio",
          Benchmarks.spread(ratios(ours, bare, "deployedForm", "p95Ms")));
      row.put("perSecondRatio", Benchmarks.spread(ratios(ours, bare, "all", "perSecond")));
      row.put("ours", ours);
      row.put("bare", bare);
      result.put(users + " users", row);
    }
    result.put("rounds", rounds);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static double[] ratios(List<Map<String, Object>> ours, List<Map<String, Object>> bare,
      String call, String figure) {
    double[] ratios = new double[ours.size()];
    for (int i = 0; i < ratios.length; i++) {
      Number mine = (Number) ((Map<String, Object>) ours.get(i).get(call)).get(figure);
      Number theirs = (Number) ((Map<String, Object>) bare.get(i).get(call)).get(figure);
      if (mine == null || theirs == null || theirs.doubleValue() == 0) {
        throw new IllegalStateException("No " + call + " " + figure + " to compare in round "
            + i + ": ours " + ours.get(i) + ", bare " + bare.get(i));
      }
      ratios[i] = mine.doubleValue() / theirs.doubleValue();
    }
    return ratios;
  }

  private static Map<String, Object> percentiles(double[] millis, Duration measured) {
    Arrays.sort(millis);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("requests", millis.length);
    result.put("perSecond", Math.round(millis.length / (double) measured.toSeconds()));
    if (millis.length > 0) {
      result.put("p50Ms", at(millis, 0.50));
      result.put("p95Ms", at(millis, 0.95));
      result.put("p99Ms", at(millis, 0.99));
      result.put("maxMs", Math.round(millis[millis.length - 1] * 10) / 10.0);
    }
    return result;
  }

  private static double at(double[] sorted, double quantile) {
    int index = Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1);
    return Math.round(sorted[index] * 10) / 10.0;
  }

  /** One browser: its own cookies and CSRF token. */
  private record Session(HttpClient client, String base, String csrf) {

    static Session login(String base, String user) throws Exception {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
      var page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
          .build(), HttpResponse.BodyHandlers.discarding());
      String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=demo";
      var login = client.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Tasklist login of " + user + " failed: "
            + login.statusCode());
      }
      // The login starts a new session, whose CSRF token comes with the next read.
      var profile = client.send(HttpRequest.newBuilder(
          URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
          HttpResponse.BodyHandlers.discarding());
      return new Session(client, base,
          profile.headers().firstValue("X-XSRF-TOKEN").orElse(token));
    }

    /** Tasklist's four calls in the order it makes them; the timings inside the window count. */
    void openFirstTask(long measureFrom, long end, ConcurrentLinkedQueue<double[]> timings,
        AtomicInteger errors) {
      HttpResponse<String> filters = call(0, get(ENGINE
          + "/filter?resourceType=Task&itemCount=true"), measureFrom, end, timings, errors);
      if (filters == null) {
        return;
      }
      String filter = firstFilter(filters.body());
      if (filter == null) {
        return;
      }
      HttpResponse<String> tasks = call(1, HttpRequest.newBuilder(URI.create(base + ENGINE
              + "/filter/" + filter + "/list?firstResult=0&maxResults=15"))
          .header("X-XSRF-TOKEN", csrf).header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TASK_LIST_BODY)), measureFrom, end,
          timings, errors);
      if (tasks == null) {
        return;
      }
      String task = firstTask(tasks.body());
      if (task == null) {
        return;
      }
      call(2, get(ENGINE + "/task/" + task + "/form-variables?deserializeValues=false"),
          measureFrom, end, timings, errors);
      call(3, get(ENGINE + "/task/" + task + "/deployed-form"), measureFrom, end, timings,
          errors);
    }

    private HttpRequest.Builder get(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrf)
          .header("Accept", "application/json");
    }

    private HttpResponse<String> call(int which, HttpRequest.Builder request, long measureFrom,
        long end, ConcurrentLinkedQueue<double[]> timings, AtomicInteger errors) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        response = null;
      }
      long finish = System.nanoTime();
      boolean counted = start >= measureFrom && finish <= end;
      boolean failed = response == null || response.statusCode() / 100 != 2;
      if (counted) {
        timings.add(new double[] {which, (finish - start) / 1e6});
        if (failed) {
          errors.incrementAndGet();
        }
      }
      return failed ? null : response;
    }

    /** The filter with the most tasks for this user: the list Tasklist opens most of the time. */
    private static String firstFilter(String body) {
      try {
        String best = null;
        long most = -1;
        for (JsonNode filter : JSON.readTree(body)) {
          long count = filter.path("itemCount").asLong(0);
          if (count > most) {
            most = count;
            best = filter.path("id").asText();
          }
        }
        return best;
      } catch (Exception e) {
        return null;
      }
    }

    private static String firstTask(String body) {
      try {
        JsonNode tasks = JSON.readTree(body).path("_embedded").path("task");
        return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0).path("id").asText() : null;
      } catch (Exception e) {
        return null;
      }
    }
  }
}
