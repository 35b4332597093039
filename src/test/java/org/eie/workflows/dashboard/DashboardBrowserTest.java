package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.documents.DocumentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser (headless Chromium from the system's packages, driven through
 * the system's chromedriver): logged in as the Secretariat and as a Colombia co-lead, what each
 * sees.
 */
class DashboardBrowserTest extends PostgresApplicationTest {

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
}
