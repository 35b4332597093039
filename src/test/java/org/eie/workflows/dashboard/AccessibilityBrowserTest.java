package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.Axe;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.documents.DocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core on every page our users reach, as they see it after our styles and scripts: Tasklist's
 * login, task list, an open task of each process (appeal, planning, training) with its form, the
 * start dialog with the appeal's start form, and every dashboard page. No critical and no
 * serious violation anywhere; the counts per page are printed.
 */
class AccessibilityBrowserTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentStore documents;
  @Autowired
  JdbcClient jdbc;

  WebDriver browser;
  DashboardFixture fixture;
  String base;
  final List<Axe.Report> reports = new ArrayList<>();

  @BeforeEach
  void openBrowser() {
    fixture = DashboardFixture.in(engine, new Http(port), documents, jdbc);
    base = "http://localhost:" + port;
    browser = HeadlessBrowser.start();
  }

  @AfterEach
  void closeBrowser() {
    HeadlessBrowser.quit(browser);
    ClockUtil.reset();
  }

  @Test
  void tasklistHasNoCriticalOrSeriousViolation() {
    String tasklist = base + "/camunda/app/tasklist/";
    browser.get(tasklist);
    wait(By.cssSelector("input[ng-model='username']"));
    check("Tasklist login");

    logIn("lb.unicef");
    wait(By.cssSelector(".tasks-list li.task"));
    check("Tasklist task list");

    browser.findElement(By.cssSelector(".start-process-action a")).click();
    wait(By.cssSelector(".modal .processes li a"));
    check("Tasklist start dialog");
    browser.findElements(By.cssSelector(".modal .processes li a")).stream()
        .filter(link -> link.getText().contains("Emergency funding appeal")).findFirst()
        .orElseThrow().click();
    wait(By.cssSelector(".modal .fjs-form"));
    check("Tasklist appeal start form");

    openAsCandidate(tasklist, taskOf(fixture.late), "Tasklist appeal task");
    openAsCandidate(tasklist, taskOf(fixture.cycle), "Tasklist planning task");
    openAsCandidate(tasklist, taskOf(fixture.rollout), "Tasklist training task");

    assertNothingBlocks();
  }

  @Test
  void dashboardHasNoCriticalOrSeriousViolation() {
    browser.get(base + "/dashboard/login");
    check("dashboard login");
    browser.findElement(By.id("username")).sendKeys("secretariat");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("login")).click();
    wait(By.id("open-appeals"));
    check("dashboard overview");
    browser.get(base + "/dashboard/appeals/" + fixture.onTrack);
    wait(By.id("timeline"));
    check("dashboard appeal");
    browser.get(base + "/dashboard/durations");
    wait(By.id("appealSteps"));
    check("dashboard time per step");
    browser.get(base + "/dashboard/appeals/no-such-appeal");
    check("dashboard not found");
    browser.get(base + "/dashboard?lang=fr");
    wait(By.id("open-appeals"));
    check("dashboard overview (fr)");

    assertNothingBlocks();
  }

  /** An open task of the process instance or of one it called. */
  private String taskOf(String processInstanceId) {
    var tasks = engine.getTaskService();
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
    if (open.isEmpty()) {
      List<String> called = engine.getRuntimeService().createProcessInstanceQuery()
          .superProcessInstanceId(processInstanceId).list().stream().map(p -> p.getId()).toList();
      open = called.stream().flatMap(id -> tasks.createTaskQuery().processInstanceId(id).list()
          .stream()).toList();
    }
    assertThat(open).as("an open task of %s", processInstanceId).isNotEmpty();
    return open.get(0).getId();
  }

  /** Logs in as a demo user of one of the task's candidate groups and opens the task. */
  private void openAsCandidate(String tasklist, String taskId, String page) {
    String user = engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null)
        .flatMap(group -> engine.getIdentityService().createUserQuery().memberOfGroup(group)
            .list().stream()).map(User::getId).findFirst().orElseThrow();
    browser.manage().deleteAllCookies();
    logIn(user);
    browser.get(tasklist + "#/?task=" + taskId);
    wait(By.cssSelector(".fjs-form"));
    check(page + " (" + user + ")");
  }

  private void logIn(String user) {
    browser.get(base + "/camunda/app/tasklist/");
    wait(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait(By.cssSelector(".task-filter"));
  }

  private void check(String page) {
    reports.add(Axe.check(browser, page));
  }

  private void assertNothingBlocks() {
    assertThat(reports).allSatisfy(report -> assertThat(report.blocking())
        .as("critical and serious axe-core violations on %s", report.page()).isEmpty());
  }

  private org.openqa.selenium.WebElement wait(By selector) {
    return HeadlessBrowser.waitFor(browser,
        ExpectedConditions.visibilityOfElementLocated(selector));
  }
}
