package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.EieWorkflowsApplication;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on against a real Keycloak, started once for the class (README, "Signing in with
 * your organisation"): co-leads sign in through Keycloak's login page in a real browser, API
 * clients send Keycloak's tokens, and what Keycloak says about groups decides what they see.
 * Run by Failsafe, in the application's own JVM state (Camunda's registries are static).
 */
class SingleSignOnIT {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private static KeycloakServer keycloak;
  private static ConfigurableApplicationContext app;
  private static int port;
  private static ProcessInstance lebanon;
  private static ProcessInstance colombia;

  private WebDriver browser;

  @BeforeAll
  static void startKeycloakAndTheApplication() throws Exception {
    port = KeycloakServer.anotherFreePort();
    keycloak = KeycloakServer.start(Map.of("eie", realm("eie", port), "other", realm("other", port)));
    System.out.println("Keycloak started in " + keycloak.startTime.toSeconds() + " s");
    try {
      app = new SpringApplicationBuilder(EieWorkflowsApplication.class).run(
          "--server.port=" + port,
          "--spring.datasource.url=jdbc:h2:mem:single-sign-on;DB_CLOSE_DELAY=-1",
          "--camunda.bpm.job-execution.enabled=false",
          "--eie.scheduling.enabled=false",
          "--eie.oidc.clock-skew=PT1S",
          "--eie.oidc.providers.keycloak.name=Keycloak",
          "--eie.oidc.providers.keycloak.issuer-uri=" + keycloak.issuer("eie"),
          "--eie.oidc.providers.keycloak.client-id=eie-workflows",
          "--eie.oidc.providers.keycloak.client-secret=eie-secret",
          "--eie.oidc.providers.keycloak.mappings[0].claim=groups",
          "--eie.oidc.providers.keycloak.mappings[0].value=lebanon-coleads",
          "--eie.oidc.providers.keycloak.mappings[0].groups=coleads-LB",
          "--eie.oidc.providers.keycloak.mappings[1].claim=groups",
          "--eie.oidc.providers.keycloak.mappings[1].value=unicef",
          "--eie.oidc.providers.keycloak.mappings[1].groups=org-unicef",
          "--eie.oidc.providers.keycloak.mappings[2].claim=groups",
          "--eie.oidc.providers.keycloak.mappings[2].value=steering",
          "--eie.oidc.providers.keycloak.mappings[2].groups=inee-steering-group");
      lebanon = startAppeal("lb.unicef", "LB");
      colombia = startAppeal("co.unicef", "CO");
    } catch (RuntimeException failure) {
      stopEverything();
      throw failure;
    }
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (keycloak != null) {
        keycloak.close();
      }
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = HeadlessBrowser.start();
  }

  @AfterEach
  void closeBrowser() {
    HeadlessBrowser.quit(browser);
  }

  @Test
  void coLeadSignsInThroughKeycloakSeesLebanonOnlyAndCompletesATask() {
    signIn("rania.haddad", "rania-pw");
    String activation = taskId(lebanon);
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".tasks-list li.task")));
    assertThat(browser.findElement(By.cssSelector(".tasks-list")).getText())
        .contains("Confirm activation");
    List<?> visible = (List<?>) fetch("GET", "/camunda/api/engine/engine/default/task", null);
    assertThat(visible).isNotEmpty().allSatisfy(task ->
        assertThat(((Map<?, ?>) task).get("tenantId")).isEqualTo("LB"));
    assertThat(visible.toString()).contains(activation).doesNotContain(taskId(colombia));

    var completed = fetch("POST", "/camunda/api/engine/engine/default/task/" + activation
        + "/submit-form", "{\"variables\":{\"activated\":{\"value\":\"true\"},"
        + "\"activationReason\":{\"value\":\"Flash Appeal requested by the HC\"},"
        + "\"appealLead\":{\"value\":\"UNICEF\"}}}");
    assertThat(completed).isEqualTo(204L);
    var history = engine().getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(activation).singleResult();
    assertThat(history.getEndTime()).isNotNull();

    // Kept where the engine needs them: notifications, candidate groups, four-eyes checks.
    var user = identity().createUserQuery().userId("rania.haddad").singleResult();
    assertThat(user.getEmail()).isEqualTo("rania.haddad@unicef.example");
    assertThat(user.getFirstName()).isEqualTo("Rania");
    assertThat(groupsOf("rania.haddad")).containsExactlyInAnyOrder("coleads-LB", "org-unicef");
    assertThat(identity().checkPassword("rania.haddad", "rania-pw")).isFalse();
  }

  @Test
  void logoutEndsTheSessionHereAndAtKeycloak() {
    signIn("rania.haddad", "rania-pw");
    ((JavascriptExecutor) browser).executeScript(
        "angular.element(document.body).injector().get('AuthenticationService').logout();");
    try {
      HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login?logout"));
    } catch (RuntimeException failure) {
      System.out.println("XMLHttpRequest.open: " + ((JavascriptExecutor) browser).executeScript(
          "return XMLHttpRequest.prototype.open.toString().slice(0, 300)"));
      browser.manage().logs().get("browser").forEach(entry -> System.out.println("browser console: " + entry));
      throw failure;
    }
    assertThat(browser.findElement(By.id("signed-out")).isDisplayed()).isTrue();

    browser.get(url("/camunda/app/tasklist/"));
    HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("provider-keycloak")).click();
    // Keycloak asks for the password again: its session ended too.
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("username")));
  }

  @Test
  void aUserRemovedFromTheLebanonGroupInKeycloakSeesNoneOfItAfterSigningInAgain()
      throws Exception {
    signIn("omar.khalil", "omar-pw");
    assertThat(fetch("GET", "/camunda/api/engine/engine/default/task?processInstanceId="
        + lebanon.getId(), null).toString()).contains(lebanon.getId());
    browser.manage().deleteAllCookies();

    keycloak.removeFromGroup("eie", "omar.khalil", "lebanon-coleads");
    HeadlessBrowser.quit(browser);
    browser = HeadlessBrowser.start();
    signIn("omar.khalil", "omar-pw");
    assertThat((List<?>) fetch("GET", "/camunda/api/engine/engine/default/task", null)).isEmpty();
    // Refused (the Steering Group may not read instances at all), never shown.
    assertThat(fetch("GET", "/camunda/api/engine/engine/default/process-instance/"
        + lebanon.getId(), null)).isIn(403L, 404L);
    assertThat(groupsOf("omar.khalil")).containsExactly("inee-steering-group");
    assertThat(tenantsOf("omar.khalil")).isEmpty();
  }

  @Test
  void anAccountThatNamesNoKnownGroupGetsAClearPageAndNoAccess() {
    browser.get(url("/camunda/app/tasklist/"));
    HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("provider-keycloak")).click();
    keycloakLogin("volunteer", "volunteer-pw");
    HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login?refused=no_role"));
    assertThat(browser.findElement(By.id("refused")).getText()).contains("no role");
    assertThat(identity().createUserQuery().userId("volunteer").count()).isZero();
    browser.get(url("/camunda/app/tasklist/"));
    HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login"));
  }

  @Test
  void anApiClientWithAKeycloakTokenReadsAppealsOfItsCountryOnly() throws Exception {
    String token = keycloak.accessToken("eie", "eie-workflows", "eie-secret", "rania.haddad",
        "rania-pw");
    var appeals = call("GET", "/api/appeals", token, null);
    assertThat(appeals.statusCode()).isEqualTo(200);
    assertThat(appeals.body()).contains(lebanon.getId())
        .doesNotContain(colombia.getId());
    // The route allow-list and the country tenants hold for the provider's users.
    var lebanonTask = taskId(lebanon);
    assertThat(call("PUT", "/engine-rest/task/" + lebanonTask + "/variables/x", token,
        "{\"value\":\"written\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/engine-rest/task/" + taskId(colombia), token, null).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/engine-rest/process-instance/" + colombia.getId(), token, null)
        .statusCode()).isEqualTo(404);
  }

  @Test
  void tokensOfAnotherRealmExpiredOnesAndLocalPasswordsOfProviderUsersAreRefused()
      throws Exception {
    String otherRealm = keycloak.accessToken("other", "eie-workflows", "eie-secret",
        "rania.haddad", "rania-pw");
    assertThat(call("GET", "/api/appeals", otherRealm, null).statusCode()).isEqualTo(401);

    String shortLived = keycloak.accessToken("eie", "eie-short", "short-secret", "rania.haddad",
        "rania-pw");
    Thread.sleep(Duration.ofSeconds(4).toMillis()); // lifespan 1 s, clock skew 1 s
    assertThat(call("GET", "/api/appeals", shortLived, null).statusCode()).isEqualTo(401);

    String noRole = keycloak.accessToken("eie", "eie-workflows", "eie-secret", "volunteer",
        "volunteer-pw");
    assertThat(call("GET", "/api/appeals", noRole, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/appeals", "not.a.token", null).statusCode()).isEqualTo(401);

    // Local accounts still log in beside the provider.
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/appeals")))
        .header("Authorization", basic("lb.unicef", "demo")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  // The browser's side

  private void signIn(String user, String password) {
    browser.get(url("/camunda/app/tasklist/"));
    HeadlessBrowser.waitFor(browser, ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("provider-keycloak")).click();
    keycloakLogin(user, password);
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".task-filter")));
  }

  private void keycloakLogin(String user, String password) {
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("username")))
        .sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("kc-login")).click();
  }

  /** A call of the webapps' engine API from the page, with its session and CSRF token. */
  private Object fetch(String method, String path, String json) {
    return ((JavascriptExecutor) browser).executeAsyncScript("""
        const [method, path, body, done] = arguments;
        const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
        fetch(path, {method, body, credentials: 'same-origin', headers: Object.assign(
            {'Accept': 'application/json'}, body ? {'Content-Type': 'application/json'} : {},
            token ? {'X-XSRF-TOKEN': token} : {})})
          .then(r => r.status === 200 ? r.json() : r.status).then(done, e => done(String(e)));
        """, method, path, json);
  }

  // The server's side

  private static String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ProcessEngine engine() {
    return app.getBean(ProcessEngine.class);
  }

  private static IdentityService identity() {
    return app.getBean(IdentityService.class);
  }

  private static List<String> groupsOf(String user) {
    return identity().createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
  }

  private static List<String> tenantsOf(String user) {
    return identity().createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
  }

  private static ProcessInstance startAppeal(String coLead, String country) {
    Map<String, Object> trigger = new HashMap<>(AppealScenario.trigger());
    trigger.put("country", country);
    // The scenario's onset lies weeks behind the real clock this test runs on: confirmed.
    trigger.put("onsetConfirmed", true);
    identity().setAuthentication(coLead, groupsOf(coLead), tenantsOf(coLead));
    try {
      return engine().getRuntimeService().createProcessInstanceByKey("emergencyFundingAppeal")
          .businessKey("SSO-" + country + "-" + System.nanoTime()).setVariables(trigger).execute();
    } finally {
      identity().clearAuthentication();
    }
  }

  private static String taskId(ProcessInstance appeal) {
    var tasks = new ArrayList<>(engine().getTaskService().createTaskQuery()
        .processInstanceId(appeal.getId()).taskDefinitionKey("Task_ConfirmActivation").list());
    return tasks.isEmpty() ? "none" : tasks.get(0).getId();
  }

  // The realms: users, groups and clients as a cluster's administrator would set them up.

  private static String realm(String name, int appPort) {
    String mappers = """
        "protocolMappers": [
          {"name": "groups", "protocol": "openid-connect", "protocolMapper": "oidc-group-membership-mapper",
           "config": {"full.path": "false", "id.token.claim": "true", "access.token.claim": "true",
                      "userinfo.token.claim": "true", "claim.name": "groups"}},
          {"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
           "config": {"included.client.audience": "eie-workflows", "access.token.claim": "true",
                      "id.token.claim": "false"}}]""";
    return """
        {"realm": "%s", "enabled": true,
         "groups": [{"name": "lebanon-coleads"}, {"name": "unicef"}, {"name": "steering"},
                    {"name": "volunteers"}],
         "users": [
           %s, %s, %s],
         "clients": [
           {"clientId": "eie-workflows", "enabled": true, "publicClient": false,
            "secret": "eie-secret", "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
            "redirectUris": ["http://localhost:%d/*"], "webOrigins": ["+"],
            "attributes": {"post.logout.redirect.uris": "+", "pkce.code.challenge.method": "S256"},
            %s},
           {"clientId": "eie-short", "enabled": true, "publicClient": false,
            "secret": "short-secret", "standardFlowEnabled": false, "directAccessGrantsEnabled": true,
            "attributes": {"access.token.lifespan": "1"},
            %s}]}
        """.formatted(name,
        user("rania.haddad", "Rania", "Haddad", "unicef.example", "rania-pw",
            "\"/lebanon-coleads\", \"/unicef\""),
        user("omar.khalil", "Omar", "Khalil", "savethechildren.example", "omar-pw",
            "\"/lebanon-coleads\", \"/steering\""),
        user("volunteer", "Vera", "Volunteer", "example.org", "volunteer-pw", "\"/volunteers\""),
        appPort, mappers, mappers);
  }

  private static String user(String name, String first, String last, String domain,
      String password, String groups) {
    return """
        {"username": "%s", "enabled": true, "email": "%s@%s", "emailVerified": true,
         "firstName": "%s", "lastName": "%s",
         "credentials": [{"type": "password", "value": "%s", "temporary": false}],
         "groups": [%s]}""".formatted(name, name, domain, first, last, password, groups);
  }
}
