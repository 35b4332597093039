package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.appeal.AppealScenario.project;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser: a Lebanon co-lead with two appeals and five partner projects to
 * vet (what the task list and the vetting form say, and what is not offered); whose sign-off a
 * task is and who may not take it; what a follow-up follows up; what a user is told after
 * completing a task.
 */
class AppealTasklistBrowserTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  WebDriver browser;
  String base;

  @BeforeEach
  void openBrowserAtTheScenariosTime() {
    browser = HeadlessBrowser.start();
    base = "http://localhost:" + port + "/camunda/app/tasklist/";
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void closeBrowserAndResetTheClock() {
    ClockUtil.reset();
    HeadlessBrowser.quit(browser);
  }

  @Test
  void coLeadTellsEveryVettingTaskApartAndSeesTheBudgetLinesFormatted() {
    var scenario = new AppealScenario(engine);
    ProcessInstance explosion = scenario.openCall("TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    Map<String, Object> earthquake = AppealScenario.trigger();
    earthquake.put("emergencyType", "Earthquake");
    ProcessInstance quake = scenario.openCall(earthquake, "TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", explosion, "Task_SubmitProject", project(
        "Learning spaces for Beirut port", "Beirut", Map.of(
            "budgetTemporaryLearningSpaces", 300000.0, "budgetPsychosocialSupport", 125000.0)));
    scenario.submit("partner2.lb", explosion, "Task_SubmitProject", project(
        "Counselling in schools", "Mount Lebanon", Map.of("budgetPsychosocialSupport", 90000.0)));
    scenario.submit("partner.lb", explosion, "Task_SubmitProject", project(
        "Tents for classes", "Beirut", Map.of("budgetTemporaryLearningSpaces", 45000.0)));
    scenario.submit("partner.lb", quake, "Task_SubmitProject", project(
        "Quake learning spaces", "Beirut", Map.of("budgetTemporaryLearningSpaces", 70000.0)));
    scenario.submit("partner2.lb", quake, "Task_SubmitProject", project(
        "Quake classroom repairs", "Mount Lebanon",
        Map.of("budgetTemporaryLearningSpaces", 20000.0)));
    scenario.closeCall(explosion);
    scenario.closeCall(quake);

    logIn("lb.unicef");
    browser.findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .filter(filter -> filter.getText().startsWith("My country's tasks: Lebanon"))
        .findFirst().orElseThrow().click();
    List<String> cards = allCards();

    List<String> vetting = cards.stream().filter(card -> card.startsWith("Vet: ")).toList();
    assertThat(vetting).anySatisfy(card -> assertThat(card).startsWith(
            "Vet: Learning spaces for Beirut port in Beirut — Lebanese Education Association")
        .contains("Explosion", "Lebanon"));
    assertThat(vetting).anySatisfy(card -> assertThat(card)
        .startsWith("Vet: Quake classroom repairs in Mount Lebanon — ")
        .contains("Earthquake", "Lebanon"));
    for (String title : List.of("Learning spaces for Beirut port", "Counselling in schools",
        "Tents for classes", "Quake learning spaces", "Quake classroom repairs")) {
      assertThat(vetting).filteredOn(card -> card.contains(title)).hasSize(1);
    }
    // Every task of the list names its emergency and country, in its name or its columns.
    assertThat(cards).allSatisfy(card -> assertThat(card).contains("Lebanon"));

    assertThat(visible(By.cssSelector("li.create-task-action"))).isFalse();
    assertThat(visible(By.cssSelector(".ce-eol-banner"))).isFalse();
    assertThat(visible(By.cssSelector(".task-filter .actions"))).isFalse();

    String vetId = scenario.tasks(explosion, "Task_VetProject").stream()
        .filter(task -> task.getName().contains("Learning spaces for Beirut port"))
        .findFirst().orElseThrow().getId();
    browser.get(base + "#/?task=" + vetId);
    WebElement table = HeadlessBrowser.waitFor(browser,
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-table")));
    assertThat(table.getText()).contains("Temporary learning spaces", "USD 300,000",
        "Psychosocial support", "USD 125,000", "Total", "USD 425,000");
    assertThat(browser.findElement(By.cssSelector("textarea[id*='projectSummary'], "
        + ".fjs-form-field-textarea textarea")).getAttribute("value"))
        .contains("Lebanese Education Association", "Total budget: USD 425,000", "1,200 girls");
  }

  /**
   * Two appeals of one emergency in one country, triggered twice the same day: their tasks say
   * which is which (onset day and the key's short reference), the cards' values read clearly
   * (nothing lies over them, contrast at least 4.5:1) and no card shows the default priority.
   */
  @Test
  void twoAppealsOfOneEmergencyAreToldApartInAListThatReadsClearly() {
    var scenario = new AppealScenario(engine);
    Map<String, Object> cholera = AppealScenario.trigger();
    cholera.put("emergencyType", "Cholera outbreak");
    String firstKey = startWithItsOwnKey(scenario, cholera);
    String secondKey = startWithItsOwnKey(scenario, cholera);

    logIn("lb.unicef");
    browser.findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .filter(filter -> filter.getText().startsWith("My country's tasks: Lebanon"))
        .findFirst().orElseThrow().click();
    List<String> activations = allCards().stream().map(card -> card.lines().findFirst()
        .orElse("")).filter(name -> name.startsWith("Confirm activation: Cholera outbreak"))
        .toList();
    assertThat(activations).containsExactlyInAnyOrder(
        "Confirm activation: Cholera outbreak, Lebanon (onset 20 Nov, ref "
            + firstKey.substring(firstKey.lastIndexOf('-') + 1) + ")",
        "Confirm activation: Cholera outbreak, Lebanon (onset 20 Nov, ref "
            + secondKey.substring(secondKey.lastIndexOf('-') + 1) + ")");

    List<WebElement> values = browser.findElements(By.cssSelector(".tasks-list .variable-value"));
    assertThat(values).isNotEmpty().allSatisfy(value -> {
      assertThat(value.isDisplayed()).isTrue();
      assertThat((Boolean) script("""
          arguments[0].scrollIntoView({block: 'center'}); // as a reader scrolls to it
          const box = arguments[0].getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2,
              box.top + box.height / 2);
          return arguments[0].contains(top);""", value))
          .as("nothing lies over %s", value.getText()).isTrue();
      assertThat(((Number) script(CONTRAST, value)).doubleValue())
          .as("contrast of %s", value.getText()).isGreaterThanOrEqualTo(4.5);
    });
    assertThat(browser.findElements(By.cssSelector(".tasks-list .priority")).stream()
        .filter(priority -> "50".equals(script("return arguments[0].textContent.trim();",
            priority))).filter(WebElement::isDisplayed).toList())
        .as("cards showing the default priority 50").isEmpty();
  }

  /** The text's contrast against the first opaque background behind it (WCAG's formula). */
  private static final String CONTRAST = """
      const channels = color => color.match(/[\\d.]+/g).map(Number);
      const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
          .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4))
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      let behind = arguments[0];
      while (behind && channels(getComputedStyle(behind).backgroundColor)[3] === 0) {
        behind = behind.parentElement;
      }
      const text = luminance(channels(getComputedStyle(arguments[0]).color));
      const ground = luminance(behind ? channels(getComputedStyle(behind).backgroundColor)
          : [255, 255, 255]);
      return (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05);""";

  /** Starts an appeal as Tasklist and the API do, with its readable key; returns the key. */
  private String startWithItsOwnKey(AppealScenario scenario, Map<String, Object> trigger) {
    return scenario.startWithItsOwnKey("lb.unicef", trigger);
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  @Test
  void aUnicefCoLeadIsToldWhoseSignOffItIsAndCannotClaimIt() {
    var scenario = new AppealScenario(engine);
    ProcessInstance appeal = scenario.signedForUnicef();
    String task = scenario.task(appeal, "Task_SignOffSaveTheChildren").getId();

    logIn("lb.unicef");
    openTask(task);
    waitForText(".fjs-container", "For the Save the Children co-lead of Lebanon");

    clickClaim();
    WebElement refusal = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("#eie-task-done.eie-refused")));
    assertThat(refusal.getText()).contains("only a Save the Children co-lead of LB",
        "lb.unicef is not one");
    assertThat(scenario.task(appeal, "Task_SignOffSaveTheChildren").getAssignee()).isNull();
  }

  @Test
  void theHcOfficeFindsItsCountrysEndorsementAndSendsItBackWithAReason() {
    var scenario = new AppealScenario(engine);
    ProcessInstance appeal = scenario.signedForUnicef();
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    String task = scenario.task(appeal, "Task_EndorseAppeal").getId();

    // Colombia's HC office has no filter on Lebanon's tasks.
    logIn("co.hc");
    assertThat(browser.findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .map(WebElement::getText).toList()).anyMatch(name -> name.startsWith(
            "My country's tasks: Colombia")).noneMatch(name -> name.contains("Lebanon"));
    HeadlessBrowser.quit(browser);
    browser = HeadlessBrowser.start();

    logIn("lb.hc");
    browser.findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .filter(filter -> filter.getText().startsWith("My country's tasks: Lebanon"))
        .findFirst().orElseThrow().click();
    assertThat(allCards()).anyMatch(card -> card.startsWith("Endorse the appeal: Explosion,"
        + " Lebanon"));
    openTask(task);
    waitForText(".fjs-container", "For the Humanitarian Coordinator's office of Lebanon."
        + " Signed off for UNICEF by Nadine Khoury");
    clickClaim();
    String reason = "Explain how Mount Lebanon is covered";
    By sendBack = By.xpath("//label[contains(normalize-space(.), 'Send back to the co-leads')]"
        + "//input | //input[@type='radio'][following-sibling::text()[contains(.,"
        + " 'Send back to the co-leads')]]");
    By reasonField = By.cssSelector("textarea[id$='Field_endorsementReason']");
    By complete = By.xpath("//button[normalize-space()='Complete']");
    // Claiming redraws the form. Sending back shows the reason, which the form requires:
    // Complete stays disabled until it is typed.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "the form did not show the choice after claiming")
        .until(driver -> driver.findElements(By.xpath(
            "//*[(self::button or self::a) and normalize-space()='Claim']")).isEmpty()
            && !driver.findElements(sendBack).isEmpty());
    assertThat(browser.findElements(reasonField).stream().anyMatch(WebElement::isDisplayed))
        .as("the reason before choosing to send back").isFalse();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "the reason did not appear after choosing to send back")
        .until(driver -> {
          WebElement radio = driver.findElement(sendBack);
          if (!radio.isSelected()) {
            script("arguments[0].scrollIntoView({block: 'center'})", radio);
            radio.click();
          }
          return driver.findElements(reasonField).stream().anyMatch(WebElement::isDisplayed);
        });
    // Sending back without a reason: the form says the reason is required, the task stays.
    WebElement first = browser.findElement(complete);
    script("arguments[0].scrollIntoView({block: 'center'})", first);
    first.click();
    WebElement error = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
    assertThat(error.getText()).containsIgnoringCase("required");
    assertThat(scenario.tasks(appeal, "Task_EndorseAppeal")).extracting(t -> t.getId())
        .containsExactly(task);
    WebElement button = new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "Complete stays disabled; form errors: " + browser.findElements(
            By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).toList())
        .until(driver -> {
          WebElement field = driver.findElement(reasonField);
          if (!reason.equals(field.getDomProperty("value"))) {
            script("arguments[0].scrollIntoView({block: 'center'})", field);
            field.clear();
            field.sendKeys(reason);
            return null;
          }
          WebElement done = driver.findElement(complete);
          return done.isEnabled() ? done : null;
        });
    // Tasklist's notices (the claim, the refused first attempt) may lie over the button: a
    // person closes them, then clicks.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(ElementClickInterceptedException.class)
        .withMessage(() -> "Complete stays covered by: " + browser.findElements(
            By.cssSelector(".page-notifications")).stream().map(WebElement::getText).toList())
        .until(driver -> {
          driver.findElements(By.cssSelector(".page-notifications .close, "
              + ".page-notifications button")).stream().filter(WebElement::isDisplayed)
              .forEach(WebElement::click);
          script("arguments[0].scrollIntoView({block: 'center'})", button);
          button.click();
          return true;
        });

    WebElement confirmation = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("#eie-task-done .eie-task-done-heading")))
        .findElement(By.xpath(".."));
    assertThat(confirmation.getText()).contains("Done: your task is completed",
        "the co-leads review the appeal with your reason");
    String review = scenario.task(appeal, "Task_ReviewConsolidation").getId();
    assertThat((String) engine.getTaskService().getVariable(review, "sentBackComment"))
        .startsWith("The Humanitarian Coordinator's office (Rima Nassar").endsWith(reason);
  }

  @Test
  void theFollowUpOfAnOverduePublicationNamesTheMissedDeadline() {
    var scenario = new AppealScenario(engine);
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    AppealScenario.clock(AppealScenario.ONSET.plus(Duration.ofDays(7)).plusSeconds(60));
    scenario.runJob(appeal, "Event_PublicationOverdue");
    String task = scenario.task(appeal, "Task_FollowUpOverduePublication").getId();

    logIn("gec.unicef");
    openTask(task);
    waitForText(".fjs-container", "Missed deadline: publication of the appeal, due 27 November"
        + " 2026, 10:08 UTC (7 days after onset).");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("Signed off: not yet.");
  }

  @Test
  void aPartnerIsToldWhatHappensNextAndTheReferenceOfTheProjectSubmitted() {
    var scenario = new AppealScenario(engine);
    ProcessInstance appeal = scenario.openCall("TEMPORARY_LEARNING_SPACES");
    String task = scenario.task(appeal, "Task_SubmitProject").getId();

    logIn("partner.lb");
    openTask(task);
    clickClaim();
    // Claiming redraws the form; what was typed before the redraw is gone. The form is ready
    // when every field holds what the partner typed and Tasklist enables Complete, which it
    // does only while the form reports no error.
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("Field_projectTitle", "Tents for classes");
    typed.put("Field_budgetTemporaryLearningSpaces", "45000");
    typed.put("Field_locations", "Beirut");
    typed.put("Field_girls", "300");
    typed.put("Field_boys", "280");
    typed.put("Field_femaleTeachers", "10");
    typed.put("Field_maleTeachers", "6");
    typed.put("Field_withDisabilities", "20");
    typed.put("Field_durationMonths", "6");
    By complete = By.xpath("//button[normalize-space()='Complete']");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "Complete stays disabled; form errors: " + browser.findElements(
            By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).toList()
            + ", fields: " + fieldValues(typed.keySet()))
        .until(driver -> {
          if (!driver.findElements(By.xpath(
              "//*[(self::button or self::a) and normalize-space()='Claim']")).isEmpty()) {
            return false;
          }
          typed.forEach((field, value) -> {
            WebElement input = driver.findElement(By.cssSelector("[id$='" + field + "']"));
            if (!value.equals(input.getDomProperty("value"))) {
              input.clear();
              input.sendKeys(value);
            }
          });
          WebElement button = driver.findElement(complete);
          return fieldValues(typed.keySet()).equals(typed) && button.isEnabled() ? button : null;
        });
    // The dashboard link sits in the header, never over the form's buttons; a real click where
    // a user clicks proves nothing else covers Complete either.
    WebElement button = browser.findElement(complete);
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'})", button);
    WebElement link = browser.findElement(By.id("eie-dashboard-link"));
    assertThat(browser.findElements(By.cssSelector(".cam-nav #eie-dashboard-link"))).hasSize(1);
    assertThat(overlap(link.getRect(), button.getRect()))
        .as("the dashboard link covers Complete").isFalse();
    button.click();

    WebElement confirmation = HeadlessBrowser.waitFor(browser, ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("#eie-task-done .eie-task-done-heading")))
        .findElement(By.xpath(".."));
    assertThat(confirmation.getText()).contains("Done: your task is completed",
        "The co-leads vet it after the call closes",
        "Your project's reference: LB-EDU-001 (appeal " + appeal.getBusinessKey() + ")");
    assertThat(scenario.tasks(appeal, "Task_SubmitProject")).extracting(t -> t.getId())
        .doesNotContain(task);
  }

  @Test
  void administratorMayStillEditFilters() {
    logIn("admin", "admin");
    HeadlessBrowser.waitFor(browser,
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.eie-may-edit-filters")));
    assertThat(visible(By.cssSelector("li.create-task-action"))).isFalse();
    assertThat(visible(By.cssSelector(".ce-eol-banner"))).isFalse();
  }

  private static boolean overlap(Rectangle one, Rectangle other) {
    return one.getX() < other.getX() + other.getWidth()
        && other.getX() < one.getX() + one.getWidth()
        && one.getY() < other.getY() + other.getHeight()
        && other.getY() < one.getY() + one.getHeight();
  }

  /** What each field holds now, by the end of its id. */
  private Map<String, String> fieldValues(Iterable<String> fields) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      browser.findElements(By.cssSelector("[id$='" + field + "']")).stream().findFirst()
          .ifPresent(input -> values.put(field, input.getDomProperty("value")));
    }
    return values;
  }

  private void openTask(String taskId) {
    browser.get(base + "#/?task=" + taskId);
  }

  private void clickClaim() {
    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[(self::button or self::a) and normalize-space()='Claim']"))).click();
  }

  private void waitForText(String selector, String text) {
    HeadlessBrowser.waitFor(browser,
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
  }

  private void logIn(String user) {
    logIn(user, "demo");
  }

  private void logIn(String user, String password) {
    browser.get(base);
    HeadlessBrowser.whenTasklistStarted(browser, ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    HeadlessBrowser.whenTasklistStarted(browser,
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
  }

  /** The text of every task card, page after page. */
  private List<String> allCards() {
    List<String> cards = new ArrayList<>();
    for (int page = 0; page < 20; page++) {
      HeadlessBrowser.waitFor(browser,
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list li.task")));
      List<WebElement> onPage = browser.findElements(By.cssSelector(".tasks-list li.task"));
      String first = onPage.get(0).getText();
      onPage.forEach(card -> cards.add(card.getText()));
      List<WebElement> next = browser.findElements(
          By.cssSelector(".tasks-list .pagination li.pagination-next:not(.disabled) a"));
      if (next.isEmpty()) {
        break;
      }
      // The next page's link sits at the foot of the list, under Tasklist's fixed footer until
      // the person scrolls to it.
      ((JavascriptExecutor) browser).executeScript(
          "arguments[0].scrollIntoView({block: 'center'})", next.get(0));
      next.get(0).click();
      HeadlessBrowser.waitFor(browser, driver -> !driver.findElements(
          By.cssSelector(".tasks-list li.task")).isEmpty() && !driver.findElements(
          By.cssSelector(".tasks-list li.task")).get(0).getText().equals(first));
    }
    return cards;
  }

  private boolean visible(By selector) {
    return browser.findElements(selector).stream().anyMatch(WebElement::isDisplayed);
  }
}
