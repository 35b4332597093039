package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser (headless Chromium from the system's packages, driven through
 * the system's chromedriver, its own language English): logged in as the Secretariat and as a
 * Colombia co-lead, what each sees; a co-lead who chooses French reads French, after logging in
 * again too, with no English word of the dashboard's left; a co-lead who chose Arabic reads right
 * to left.
 */
class DashboardBrowserTest extends PostgresApplicationTest {

  /**
   * What the page shows of the data rather than its own wording: appeal names and references as
   * entered, the mail server's own words about a delivery. The step names (stage, timeline, time
   * per step) are the dashboard's words too (steps*.properties) and are checked.
   */
  private static final String DATA = ".appeal-link, small";

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
    jdbc.sql("delete from eie_user_language").update();
    fixture = DashboardFixture.in(engine, new Http(port), documents, jdbc);
    // The overview lists the first 50 open appeals: the appeals other test classes left open in
    // the shared database are ended, so the rows read here are the fixture's whatever ran before.
    var fixtures = java.util.Set.of(fixture.onTrack, fixture.late, fixture.colombia);
    engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(org.eie.workflows.Processes.APPEAL).list().stream()
        .filter(appeal -> !fixtures.contains(appeal.getId()))
        .forEach(appeal -> engine.getRuntimeService().deleteProcessInstance(appeal.getId(),
            "left open by another test class", true, true));
    base = "http://localhost:" + port;
    browser = HeadlessBrowser.start();
  }

  @AfterEach
  void closeBrowser() {
    HeadlessBrowser.quit(browser);
    ClockUtil.reset();
    jdbc.sql("delete from eie_user_language").update();
  }

  @Test
  void secretariatSeesEveryCountrysAppealsWithDeadlinesOverdueFlagsAndCoverage() {
    logIn("secretariat");

    WebElement late = appealRow(fixture.late);
    assertThat(late.getAttribute("class")).contains("overdue");
    assertThat(late.findElement(By.className("country")).getText()).isEqualTo("Lebanon (LB)");
    assertThat(late.findElement(By.className("next-deadline")).getText())
        .isEqualTo("Rapid needs assessment: overdue since Nov 18, 2026");
    assertThat(late.findElement(By.className("overdue-cell")).getText()).isEqualTo("overdue");
    assertThat(late.findElement(By.className("days-since-onset")).getText()).isEqualTo("5");

    WebElement onTrack = appealRow(fixture.onTrack);
    assertThat(onTrack.getAttribute("class")).doesNotContain("overdue");
    assertThat(onTrack.findElement(By.className("next-deadline")).getText())
        .isEqualTo("Partner projects call closes: due in 2 days");
    assertThat(onTrack.findElement(By.className("coverage")).getText()).isEqualTo("25.0 %");
    assertThat(onTrack.findElement(By.className("stage")).getText())
        .contains("Submit a partner project");

    WebElement colombia = appealRow(fixture.colombia);
    assertThat(colombia.findElement(By.className("country")).getText())
        .isEqualTo("Colombia (CO)");
    assertThat(colombia.findElement(By.className("next-deadline")).getText())
        .isEqualTo("Rapid needs assessment: due in 2 days");

    List<String> order = browser.findElements(By.cssSelector("tr.appeal")).stream()
        .map(row -> row.getAttribute("data-appeal-id")).toList();
    assertThat(order.indexOf(fixture.late)).isLessThan(order.indexOf(fixture.onTrack));
    assertThat(browser.findElements(By.cssSelector("#coverage-chart g.coverage-bar[data-country='LB']")))
        .isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#rollouts tr[data-country='LB']"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("#rollouts tr[data-country='CO']")).getText())
        .contains("12 women, 8 men");
    assertThat(browser.findElement(By.id("planning-cycles")).getText()).contains("2036-2038");
    assertThat(browser.getPageSource().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThan(150_000);

    onTrack.findElement(By.className("appeal-link")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(browser.findElement(By.cssSelector("#deadlines tr[data-deadline='assessment']"))
        .getAttribute("data-state")).isEqualTo("MET");
    assertThat(browser.findElement(By.cssSelector("#deadlines tr[data-deadline='submission']"))
        .getText()).contains("due in 2 days");
    assertThat(browser.findElement(By.cssSelector("#timeline tr[data-step='Task_RapidNeedsAssessment']"))
        .getText()).contains("lb.savethechildren");
    assertThat(browser.findElement(By.id("coverage-total")).getText())
        .contains("1,000,000 USD", "250,000 USD", "25.0 %");

    assertThat(browser.findElement(By.id("deliveries")).getText())
        .contains("Dashboard Test Fund", "waiting for a mail server");
    assertThat(browser.findElement(By.cssSelector("#documents a")).getAttribute("href"))
        .isEqualTo(base + "/dashboard/appeals/" + fixture.onTrack + "/documents/1");

    browser.get(base + "/dashboard/durations");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Time per step");
  }

  @Test
  void colombiaCoLeadSeesNoLebanonRowFigureOrLink() {
    logIn("co.unicef");

    assertThat(appealRow(fixture.colombia).getText()).contains("Floods");
    assertThat(browser.findElements(By.cssSelector("[data-country='LB']"))).isEmpty();
    for (String lebanon : List.of(fixture.onTrack, fixture.late)) {
      assertThat(browser.findElements(By.cssSelector("a[href*='" + lebanon + "']"))).isEmpty();
      assertThat(browser.getPageSource()).doesNotContain(lebanon);
    }
    assertThat(browser.getPageSource()).doesNotContain("Lebanon", "(LB)");
    assertThat(browser.findElement(By.cssSelector("#rollouts tr[data-country='CO']")).getText())
        .contains("12 women, 8 men");

    browser.get(base + "/dashboard/appeals/" + fixture.onTrack);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertThat(browser.getPageSource()).doesNotContain("Lebanon", "Explosion");

    browser.get(base + "/dashboard?lang=fr");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vue d'ensemble");
    assertThat(appealRow(fixture.colombia).findElement(By.className("next-deadline")).getText())
        .isEqualTo("Évaluation rapide des besoins : dans 2 jours".replace(" : ", ": "));
  }

  @Test
  void wrongPasswordStaysOnTheLoginPage() {
    browser.get(base + "/dashboard");
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
    browser.findElement(By.id("username")).sendKeys("steering");
    browser.findElement(By.id("password")).sendKeys("not-the-password");
    browser.findElement(By.id("login")).click();
    wait(ExpectedConditions.urlContains("error"));
    assertThat(browser.getPageSource()).contains("Unknown user or wrong password.");
  }

  @Test
  void tasklistAndCockpitLinkToTheDashboard() {
    for (String app : List.of("tasklist", "cockpit")) {
      browser.get(base + "/camunda/app/" + app + "/");
      wait(ExpectedConditions.presenceOfElementLocated(By.id("eie-dashboard-link")));
      assertThat(browser.findElement(By.id("eie-dashboard-link")).getAttribute("href"))
          .isEqualTo(base + "/dashboard");
    }
  }

  /** On a 390 px phone: no sideways scrolling, and an appeal's last columns are on screen. */
  @Test
  void onAPhoneEveryColumnIsOnScreenWithoutScrollingSideways() {
    browser.manage().window().setSize(new Dimension(390, 844));
    logIn("secretariat");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.innerWidth;"))
        .isEqualTo(390L);
    assertNoSidewaysScrolling("overview");

    WebElement late = appealRow(fixture.late);
    for (String column : List.of("next-deadline", "overdue-cell", "coverage")) {
      WebElement cell = late.findElement(By.className(column));
      assertThat(cell.isDisplayed()).as(column + " shown").isTrue();
      assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("""
          const box = arguments[0].getBoundingClientRect();
          return box.width > 0 && box.left >= 0
              && box.right <= document.documentElement.clientWidth;""", cell))
          .as(column + " within the screen's width").isTrue();
    }
    assertThat(late.findElement(By.className("next-deadline")).getText())
        .isEqualTo("Rapid needs assessment: overdue since Nov 18, 2026");
    assertThat(late.findElement(By.className("overdue-cell")).getText()).isEqualTo("overdue");
    assertThat(appealRow(fixture.onTrack).findElement(By.className("coverage")).getText())
        .isEqualTo("25.0 %");

    onTheAppealAndTimePerStepPages(this::assertNoSidewaysScrolling);
  }

  /** The on-track appeal's page and the time per step, each followed by a check there. */
  private void onTheAppealAndTimePerStepPages(java.util.function.Consumer<String> check) {
    browser.get(base + "/dashboard/appeals/" + fixture.onTrack);
    shown(By.id("timeline"));
    check.accept("dashboard appeal");
    browser.get(base + "/dashboard/durations");
    shown(By.id("appealSteps"));
    check.accept("dashboard time per step");
  }

  private void assertNoSidewaysScrolling(String page) {
    var widths = (java.util.Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
        "return {scroll: document.documentElement.scrollWidth,"
            + " client: document.documentElement.clientWidth};");
    assertThat((Long) widths.get("scroll")).as("%s: the page's width (scrollWidth) against the "
        + "screen's (clientWidth)", page).isLessThanOrEqualTo((Long) widths.get("client"));
  }

  /**
   * axe-core on every page our users reach, as they see it after our styles and scripts:
   * Tasklist's login, task list, an open task of each process (appeal, planning, training) with
   * its form, the start dialog with the appeal's start form. No critical and no serious
   * violation; the counts per page are printed.
   */
  @Test
  void tasklistHasNoCriticalOrSeriousViolation() {
    String tasklist = base + "/camunda/app/tasklist/";
    browser.get(tasklist);
    shown(By.cssSelector("input[ng-model='username']"));
    check("Tasklist login");

    tasklistLogIn("lb.unicef");
    shown(By.cssSelector(".tasks-list li.task"));
    check("Tasklist task list");

    browser.findElement(By.cssSelector(".start-process-action a")).click();
    shown(By.cssSelector(".modal .processes li a"));
    check("Tasklist start dialog");
    browser.findElements(By.cssSelector(".modal .processes li a")).stream()
        .filter(link -> link.getText().contains("Emergency funding appeal")).findFirst()
        .orElseThrow().click();
    shown(By.cssSelector(".modal .fjs-form"));
    check("Tasklist appeal start form");

    openAsCandidate(tasklist, taskOf(fixture.late), "Tasklist appeal task");
    openAsCandidate(tasklist, taskOf(fixture.cycle), "Tasklist planning task");
    openAsCandidate(tasklist, taskOf(fixture.rollout), "Tasklist training task");

    assertNothingBlocks();
  }

  /** The same on every dashboard page. */
  @Test
  void dashboardHasNoCriticalOrSeriousViolation() {
    browser.get(base + "/dashboard/login");
    check("dashboard login");
    logIn("secretariat");
    check("dashboard overview");
    onTheAppealAndTimePerStepPages(this::check);
    browser.get(base + "/dashboard/appeals/no-such-appeal");
    check("dashboard not found");
    browser.get(base + "/dashboard?lang=fr");
    shown(By.id("open-appeals"));
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
            .list().stream()).map(User::getId)
        .filter(this::isDemoUser)
        .findFirst().orElseThrow();
    browser.manage().deleteAllCookies();
    tasklistLogIn(user);
    browser.get(tasklist + "#/?task=" + taskId);
    shown(By.cssSelector(".fjs-form"));
    check(page + " (" + user + ")");
  }

  /** A demo user (password "demo"); other tests add users without one or with their own. */
  private boolean isDemoUser(String id) {
    try {
      return engine.getIdentityService().checkPassword(id, "demo");
    } catch (RuntimeException withoutPassword) {
      return false;
    }
  }

  private void tasklistLogIn(String user) {
    browser.get(base + "/camunda/app/tasklist/");
    shown(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    shown(By.cssSelector(".task-filter"));
  }

  private void check(String page) {
    reports.add(Axe.check(browser, page));
  }

  private void assertNothingBlocks() {
    assertThat(reports).allSatisfy(report -> assertThat(report.blocking())
        .as("critical and serious axe-core violations on %s", report.page()).isEmpty());
  }

  @Test
  void aCoLeadWhoChoosesFrenchReadsTheDashboardInFrenchAndNoEnglishWordOfIt() throws IOException {
    logIn("lb.savethechildren");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");

    new Select(browser.findElement(By.id("language-choice"))).selectByValue("fr");
    browser.findElement(By.id("language-submit")).click();
    wait(ExpectedConditions.textToBe(By.tagName("h1"), "Vue d'ensemble"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/dashboard");

    // A new session: logged out and in again, the choice is the person's, not the session's.
    browser.findElement(By.cssSelector("form[action='/dashboard/logout'] button")).click();
    wait(ExpectedConditions.urlContains("logout"));
    logIn("lb.savethechildren");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
    assertThat(appealRow(fixture.late).findElement(By.className("country")).getText())
        .isEqualTo("Liban (LB)");
    assertThat(appealRow(fixture.late).findElement(By.className("next-deadline")).getText())
        .startsWith("Évaluation rapide des besoins: en retard depuis le");
    assertThat(appealRow(fixture.onTrack).findElement(By.className("stage")).getText())
        .contains("Soumettre un projet partenaire").doesNotContain("Submit a partner project");
    assertThat(englishLeft("fr")).isEmpty();

    appealRow(fixture.onTrack).findElement(By.className("appeal-link")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(browser.findElement(By.cssSelector(
        "#timeline tr[data-step='Task_RapidNeedsAssessment'] td:first-child")).getText())
        .isEqualTo("Évaluation rapide des besoins");
    assertThat(englishLeft("fr")).isEmpty();
    browser.get(base + "/dashboard/durations");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Durée par étape");
    assertThat(englishLeft("fr")).isEmpty();

    // ?lang= still shows one page in another language, without changing the choice.
    browser.get(base + "/dashboard?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    browser.get(base + "/dashboard");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vue d'ensemble");
  }

  @Test
  void aCoLeadWhoChoseArabicReadsRightToLeft() {
    assertThat(new Http(port).put("/api/me/language", "lb.unicef", "{\"language\": \"ar\"}")
        .statusCode()).isEqualTo(200);
    logIn("lb.unicef");

    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo("ar");
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("نظرة عامة");
    assertThat(new Select(browser.findElement(By.id("language-choice")))
        .getFirstSelectedOption().getText()).isEqualTo("العربية");
    // Mirrored: the header starts at the right, a heading cell's text too.
    var header = browser.findElement(By.tagName("header")).getRect();
    var title = browser.findElement(By.cssSelector("header strong")).getRect();
    var overview = browser.findElement(By.cssSelector("header a")).getRect();
    assertThat(header.getX() + header.getWidth() - (title.getX() + title.getWidth()))
        .as("space right of the title").isLessThan(title.getX() - header.getX());
    assertThat(overview.getX()).as("the next link, left of the title").isLessThan(title.getX());
    WebElement heading = browser.findElement(By.cssSelector("#open-appeals th"));
    assertThat(heading.getCssValue("direction")).isEqualTo("rtl");
    assertThat(heading.getCssValue("text-align")).isIn("start", "right");
    // A Latin code inside Arabic keeps its own order: "لبنان (LB)", not "(LB (لبنان".
    assertThat(appealRow(fixture.late).findElement(By.className("country")).getText())
        .isEqualTo("لبنان (LB)");
  }

  @Test
  void aColombianCoLeadWhoChoseSpanishReadsTheDashboardInSpanish() throws IOException {
    assertThat(new Http(port).put("/api/me/language", "co.unicef", "{\"language\": \"es\"}")
        .statusCode()).isEqualTo(200);
    logIn("co.unicef");

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Resumen");
    assertThat(englishLeft("es")).isEmpty();
    browser.get(base + "/dashboard/durations");
    assertThat(englishLeft("es")).isEmpty();
  }

  /**
   * The dashboard's English wording, its own and its step names (where the language says it
   * otherwise), still on the page.
   */
  private List<String> englishLeft(String language) throws IOException {
    String text = (String) ((JavascriptExecutor) browser).executeScript("""
        const page = document.body.cloneNode(true);
        page.querySelectorAll(arguments[0]).forEach(e => e.remove());
        document.body.appendChild(page); const text = page.innerText; page.remove();
        return text;""", DATA);
    Properties english = bundle("messages.properties");
    Properties translated = bundle("messages_" + language + ".properties");
    english.putAll(bundle("steps.properties"));
    translated.putAll(bundle("steps_" + language + ".properties"));
    List<String> left = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      String words = english.getProperty(key);
      if (words.equals(translated.getProperty(key))) {
        continue;
      }
      for (String fragment : words.replace("''", "'").split("\\{[^}]*}")) {
        fragment = fragment.strip();
        if (fragment.codePoints().filter(Character::isLetter).count() >= 3
            && Pattern.compile("(?<!\\p{L})" + Pattern.quote(fragment) + "(?!\\p{L})")
                .matcher(text).find()) {
          left.add(key + ": " + fragment);
        }
      }
    }
    return left;
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(
        Path.of("src/main/resources/templates/dashboard", name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private void logIn(String user) {
    browser.get(base + "/dashboard/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("login")).click();
    wait(ExpectedConditions.presenceOfElementLocated(By.id("open-appeals")));
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
  }

  private WebElement appealRow(String id) {
    return browser.findElement(By.cssSelector("tr.appeal[data-appeal-id='" + id + "']"));
  }

  private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    HeadlessBrowser.waitFor(browser, condition);
  }

  private WebElement shown(By selector) {
    return HeadlessBrowser.waitFor(browser,
        ExpectedConditions.visibilityOfElementLocated(selector));
  }
}
