package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist in each person's own language: a Colombian co-lead who chose Spanish reads Tasklist's
 * own screens, the ready-made filters and the task headings in Spanish while a colleague of the
 * same country reads them in English (and a screen reader names Tasklist's unnamed buttons to them
 * in their language); a Lebanese co-lead who chose Arabic reads Tasklist right to left.
 */
class AppealTasklistInTheirLanguageBrowserTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  WebDriver browser;
  Http http;

  @BeforeEach
  void nobodyHasChosenAndTheClockIsTheScenarios() {
    jdbc.sql("delete from eie_user_language").update();
    http = new Http(port);
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void closeTheBrowserAndForgetTheChoices() {
    ClockUtil.reset();
    if (browser != null) {
      HeadlessBrowser.quit(browser);
    }
    jdbc.sql("delete from eie_user_language").update();
  }

  @Test
  void theEngineApiNamesTasksAndFiltersInTheReadersLanguage() throws Exception {
    String key = startInColombia("Landslide");
    choose("co.unicef", "es");
    String ref = key.substring(key.lastIndexOf('-') + 1);

    String process = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult().getId();
    JsonNode spanish = json(http.get("/engine-rest/task?processInstanceId=" + process,
        "co.unicef").body());
    assertThat(spanish.get(0).path("name").asText())
        .isEqualTo("Confirmar la activación: Landslide, Colombia (inicio 20 nov, ref. "
            + ref + ")");
    assertThat(spanish.get(0).path("description").asText())
        .startsWith("Llamamiento de financiación de emergencia " + key);
    JsonNode english = json(http.get("/engine-rest/task?processInstanceId=" + process,
        "co.savethechildren").body());
    assertThat(english.get(0).path("name").asText())
        .isEqualTo("Confirm activation: Landslide, Colombia (onset 20 Nov, ref " + ref + ")");
    // Not chosen: the browser's language.
    var french = http.send(http.request("/engine-rest/task/" + english.get(0).path("id").asText(),
        "co.savethechildren").header("Accept-Language", "fr-FR,fr;q=0.9").GET());
    assertThat(json(french.body()).path("name").asText())
        .startsWith("Confirmer l’activation : Landslide, Colombia");

    JsonNode filters = json(http.get("/engine-rest/filter?resourceType=Task", "co.unicef").body());
    assertThat(filters.findValuesAsText("name"))
        .contains("Tareas de mi país: Colombia", "Asignadas a mí", "Vencen pronto");
    JsonNode columns = filters.get(0).path("properties").path("variables");
    assertThat(columns.findValuesAsText("label")).containsExactly("País", "Emergencia");
    assertThat(json(http.get("/engine-rest/filter?resourceType=Task", "co.savethechildren")
        .body()).findValuesAsText("name")).contains("My country's tasks: Colombia");

    JsonNode processes = json(http.get("/engine-rest/process-definition?latestVersion=true"
        + "&key=emergencyFundingAppeal", "co.unicef").body());
    assertThat(processes.get(0).path("name").asText())
        .isEqualTo("Llamamiento de financiación de emergencia");
  }

  @Test
  void aSpanishReaderSeesTasklistAndTheirTaskHeadingsInSpanish() {
    String key = startInColombia("Flood");
    choose("co.unicef", "es");
    String ref = key.substring(key.lastIndexOf('-') + 1);

    logIn("co.unicef");
    // After the login the page starts once more, in the person's language.
    WebElement filter = startedTasklist(ExpectedConditions
        .elementToBeClickable(By.xpath("//*[contains(@class,'task-filter')]//h4//a"
            + "[starts-with(normalize-space(), 'Tareas de mi país: Colombia')]")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Iniciar proceso", "Atajos de teclado", "Elija una tarea de la lista.",
            "Panel de Educación en Emergencias")
        .doesNotContain("Start process", "Select a task in the list.", "EiE dashboard");
    // What a screen reader names Tasklist's unnamed buttons (tasklist/eie/accessible.js).
    HeadlessBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "button.region-toggle[data-region='filters'][aria-label='Mostrar u ocultar los filtros']")));
    @SuppressWarnings("unchecked")
    List<String> screenReaderNames = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('[aria-label]')]"
            + ".map(element => element.getAttribute('aria-label'));");
    assertThat(screenReaderNames).contains("Mostrar u ocultar la lista de tareas",
        "Mostrar u ocultar la tarea", "Mostrar la tarea en toda la ventana")
        .doesNotContain("Show or hide the filters", "Show or hide the task list",
            "Show or hide the task", "Show the task in the whole window", "Camunda applications");
    filter.click();

    String heading = "Confirmar la activación: Flood, Colombia (inicio 20 nov, ref. " + ref + ")";
    WebElement card = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.xpath("//*[contains(@class,'tasks-list')]//li"
            + "[contains(@class,'task')][.//*[normalize-space()='" + heading + "']]")));
    assertThat(card.getText()).contains("País", "Emergencia",
        "Llamamiento de financiación de emergencia").doesNotContain("Emergency funding appeal");
    card.findElement(By.xpath(".//*[normalize-space()='" + heading + "']")).click();

    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[(self::button or self::a) and normalize-space()='Reclamar']")));
    HeadlessBrowser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[cam-tasklist-task] .names, .task-details"), heading));
    assertThat(browser.findElements(By.xpath(
        "//*[(self::button or self::a) and normalize-space()='Claim']"))).isEmpty();
  }

  @Test
  void anArabicReaderSeesTasklistRightToLeft() {
    choose("lb.unicef", "ar");

    logIn("lb.unicef");
    startedTasklist(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    startedTasklist(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("html[data-eie-direction='rtl'][lang='ar']")));
    WebElement filter = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.xpath("//*[contains(@class,'task-filter')]//h4//a"
            + "[starts-with(normalize-space(), 'مهام بلدي: Lebanon')]")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("بدء عملية");
    assertThat(((JavascriptExecutor) browser).executeScript(
        "return getComputedStyle(arguments[0]).direction;", filter)).isEqualTo("rtl");
    // Right to left: the filter's name ends at the right of its box, where a line begins.
    assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("""
        const text = document.createRange();
        text.selectNodeContents(arguments[0]);
        const shown = text.getBoundingClientRect();
        const box = arguments[0].parentElement.getBoundingClientRect();
        return box.right - shown.right < shown.left - box.left;""", filter)).isTrue();
  }

  private String startInColombia(String emergency) {
    var scenario = new AppealScenario(engine);
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("country", "CO");
    trigger.put("emergencyType", emergency);
    trigger.put("affectedAreas", "Mocoa\nPutumayo");
    return scenario.startWithItsOwnKey("co.unicef", trigger);
  }

  private void choose(String user, String language) {
    assertThat(http.put("/api/me/language", user, "{\"language\": \"" + language + "\"}")
        .statusCode()).isEqualTo(200);
  }

  private void logIn(String user) {
    browser = HeadlessBrowser.start();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    startedTasklist(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /**
   * Waits for what Tasklist shows once started: the first start in a fresh JVM (a cold server
   * sending 3 MB of scripts) and the start after the login in the person's language take longer
   * than a click's answer on a busy machine.
   */
  private <T> T startedTasklist(ExpectedCondition<T> condition) {
    try {
      return HeadlessBrowser.whenTasklistStarted(browser, condition);
    } catch (org.openqa.selenium.TimeoutException notShown) {
      throw new AssertionError("Tasklist not shown as expected: " + ((JavascriptExecutor) browser)
          .executeScript("return [location.href, document.documentElement.outerHTML.slice(0, 200),"
              + " JSON.stringify(sessionStorage), document.body.innerText.slice(0, 600),"
              + " Math.round(performance.now()), performance.getEntriesByType('resource')"
              + ".map(e => e.name.split('/').slice(-2).join('/') + '@' + Math.round(e.startTime)"
              + " + '+' + Math.round(e.duration)).join(' ')].join(' | ');"), notShown);
    }
  }

  private static JsonNode json(String body) throws Exception {
    return new ObjectMapper().readTree(body);
  }
}
