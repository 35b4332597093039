package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords slow down the address that sends them, on all three logins, and never the user
 * they name: the attacker writes from a second loopback address (127.0.0.x), the user from the
 * tests' own. Each test has an address of its own, so that no test waits for another's failures.
 */
class FailedLoginsTest extends PostgresApplicationTest {

  /** docs/access.md "Logins": three free failures per user and address; the fourth makes it wait. */
  private static final int FAILURES_BEFORE_WAITING = 4;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void wrongPasswordsFromElsewhereDoNotKeepTheUserOut() {
    var attacker = new FromAddress("127.0.0.2", port);
    for (int i = 0; i < 20; i++) {
      attacker.get("/engine-rest/task", basic("lb.unicef", "guess-" + i));
    }

    long start = System.nanoTime();
    var user = http.get("/engine-rest/task", "lb.unicef");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(user.statusCode()).isEqualTo(200);
    assertThat(millis).isLessThan(2_000);
    assertThat(WebappSession.login(http, "lb.unicef", "demo")).isNotNull();
  }

  @Test
  void theAttackersAddressWaitsLongerAfterEachFailure() throws InterruptedException {
    var attacker = new FromAddress("127.0.0.3", port);
    for (int i = 0; i < FAILURES_BEFORE_WAITING; i++) {
      assertThat(attacker.get("/engine-rest/task", basic("secretariat", "guess-" + i)).status())
          .isEqualTo(401);
    }
    var first = attacker.get("/engine-rest/task", basic("secretariat", "another-guess"));
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.header("Retry-After")).contains("1");
    // Not even the right password is checked from there while it waits.
    assertThat(attacker.get("/engine-rest/task", basic("secretariat", "demo")).status())
        .isEqualTo(429);

    Thread.sleep(1_100);
    assertThat(attacker.get("/engine-rest/task", basic("secretariat", "guess-after")).status())
        .isEqualTo(401);
    var second = attacker.get("/engine-rest/task", basic("secretariat", "another-guess"));
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.header("Retry-After")).contains("2");

    var metrics = http.get("/actuator/prometheus", "admin").body();
    assertThat(metrics).containsPattern("eie_login_failures_total\\{.*route=\"http-basic\".*} [1-9]")
        .containsPattern("eie_login_throttled_total\\{.*route=\"http-basic\".*} [1-9]");
  }

  @Test
  void theWebappsLoginIsThrottledToo() {
    var attacker = new FromAddress("127.0.0.4", port);
    var page = attacker.get("/camunda/app/tasklist/", Map.of());
    var csrf = Map.of("X-XSRF-TOKEN", page.header("X-XSRF-TOKEN").orElseThrow());
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    for (int i = 0; i < FAILURES_BEFORE_WAITING; i++) {
      assertThat(attacker.postForm(login, csrf, "username=steering&password=guess-" + i).status())
          .isEqualTo(401);
    }
    var refused = attacker.postForm(login, csrf, "username=steering&password=demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();

    assertThat(WebappSession.login(http, "steering", "demo")).isNotNull();
  }

  @Test
  void theDashboardLoginIsThrottledToo() {
    var attacker = new FromAddress("127.0.0.5", port);
    for (int i = 0; i < FAILURES_BEFORE_WAITING; i++) {
      var failed = dashboardLogin(attacker, "admin", "guess-" + i);
      assertThat(failed.status()).isEqualTo(302);
      assertThat(failed.header("Location").orElseThrow()).endsWith("/dashboard/login?error");
    }
    var refused = dashboardLogin(attacker, "admin", "admin");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();

    var elsewhere = dashboardLogin(new FromAddress("127.0.0.6", port), "admin", "admin");
    assertThat(elsewhere.status()).isEqualTo(302);
    assertThat(elsewhere.header("Location").orElseThrow()).doesNotContain("error");
  }

  private static FromAddress.Response dashboardLogin(FromAddress client, String user,
      String password) {
    var page = client.get("/dashboard/login", Map.of());
    var token = CSRF.matcher(page.body());
    assertThat(token.find()).as(page.body()).isTrue();
    return client.postForm("/dashboard/login", Map.of(), "username=" + user + "&password="
        + password + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
