package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.AppealScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist and Cockpit in a real browser, as every role that uses them, behind the engine API's
 * allow-list: each opens its task list and a task (and, where the role has it, Cockpit's
 * dashboard, process list and an appeal's definition page), and not one of the calls the
 * webapps make on the way is refused by the wall.
 */
@ExtendWith(OutputCaptureExtension.class)
class EveryRoleInTheWebappsBrowserTest extends PostgresApplicationTest {

  /** Who uses which webapp. */
  static final Map<String, List<String>> APPS = Map.of(
      "lb.unicef", List.of("tasklist", "cockpit"),
      "gec.unicef", List.of("tasklist", "cockpit"),
      "secretariat", List.of("tasklist", "cockpit"),
      "partner.lb", List.of("tasklist"),
      "lb.hc", List.of("tasklist"),
      "facilitator.fr", List.of("tasklist"),
      "steering", List.of("tasklist"));

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  WebDriver browser;

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    HeadlessBrowser.quit(browser);
  }

  @Test
  void everyRoleWorksInTasklistAndFollowsInCockpitWithoutARefusedCall(CapturedOutput output) {
    var scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
    var appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String definition = appeal.getProcessDefinitionId();
    String base = "http://localhost:" + port + "/camunda/app/";
    for (var user : APPS.entrySet()) {
      browser = HeadlessBrowser.start();
      browser.get(base + "tasklist/");
      HeadlessBrowser.whenTasklistStarted(browser, ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[ng-model='username']"))).sendKeys(user.getKey());
      browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
      browser.findElement(By.cssSelector("button[type='submit']")).click();
      HeadlessBrowser.whenTasklistStarted(browser,
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
      // Logged in, Tasklist starts again in the person's own language (app/eie/language.js).
      browser.navigate().refresh();
      HeadlessBrowser.whenTasklistStarted(browser,
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
      settle();
      var tasks = browser.findElements(By.cssSelector(".tasks-list li.task a"));
      if (!tasks.isEmpty()) {
        tasks.get(0).click();
        settle();
      }
      if (user.getValue().contains("cockpit")) {
        for (String page : List.of("#/dashboard", "#/processes",
            "#/process-definition/" + definition + "/runtime")) {
          browser.get(base + "cockpit/default/" + page);
          settle();
        }
      }
      HeadlessBrowser.quit(browser);
      browser = null;
    }
    assertThat(output.getAll().lines().filter(line -> line.contains("EngineRouteWall"))
        .filter(line -> line.contains("Refused")).toList())
        .as("calls of Tasklist and Cockpit refused by the engine API's allow-list").isEmpty();
  }

  /**
   * Until the page's AngularJS (Tasklist and Cockpit are AngularJS) has had no request in flight
   * for a second: a view's second wave of requests starts once the first has answered. On a
   * timeout the message names the page and the requests still waiting.
   */
  private void settle() {
    String pending = "var injector = window.angular && (angular.element(document.body).injector()"
        + " || angular.element(document.documentElement).injector());"
        + "if (!injector || document.readyState !== 'complete') { return ['(loading)']; }"
        + "return injector.get('$http').pendingRequests.map(function (r) { return r.url; });";
    long quietSince = -1;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    List<?> waiting = List.of();
    while (System.nanoTime() < deadline) {
      waiting = (List<?>) ((JavascriptExecutor) browser).executeScript(pending);
      if (!waiting.isEmpty()) {
        quietSince = -1;
      } else if (quietSince < 0) {
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > Duration.ofSeconds(1).toNanos()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError(browser.getCurrentUrl() + " kept requests waiting: " + waiting);
  }
}
