package org.eie.workflows.appeal;

import java.time.Duration;
import java.util.List;
import org.eie.workflows.HeadlessBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person filling in a Camunda Form in Tasklist: finds a field by the label they read, clicks
 * into it and types one key at a time with a person's pause between keys, and reads back what the
 * field shows.
 */
final class TasklistForms {

  /** About the pace of a person typing with care (the defect was seen at 150 ms a key). */
  static final Duration BETWEEN_KEYS = Duration.ofMillis(150);
  /** Tasklist starting in a fresh server on a busy machine takes its time. */
  private static final Duration TASKLIST_START = Duration.ofSeconds(90);

  private final WebDriver browser;
  private final String base;

  TasklistForms(WebDriver browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  /** Logs in as that user (whoever was logged in before, as on a shared office computer). */
  void logIn(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base);
    HeadlessBrowser.whenTasklistStarted(browser, ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    HeadlessBrowser.whenTasklistStarted(browser,
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    // Logged in, Tasklist starts again in the person's own language (app/eie/language.js would
    // restart it at the next step; here it restarts at once, before anything is typed).
    browser.navigate().refresh();
    HeadlessBrowser.whenTasklistStarted(browser,
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
  }

  /** Opens "Start process" and the named process's start form. */
  void openStartForm(String processName) {
    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(
        By.cssSelector("li.start-process-action a"))).click();
    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']")))
        .click();
    waitForForm();
  }

  /**
   * Opens the task and claims it, as its assignee must before the form can be filled in, with
   * Tasklist's Claim button whatever language it speaks.
   */
  void openTask(String taskId) {
    open(taskId, By.cssSelector("button.claim"));
  }

  /** Opens the task and claims it with Tasklist's button, named in the person's language. */
  void openTask(String taskId, String claim) {
    open(taskId, By.xpath("//*[(self::a or self::button) and normalize-space()='" + claim + "']"));
  }

  private void open(String taskId, By claim) {
    browser.get(base + "#/?task=" + taskId);
    waitForForm();
    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(claim)).click();
    HeadlessBrowser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector(".disabled-form")));
  }

  private void waitForForm() {
    new WebDriverWait(browser, TASKLIST_START).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** The input of the field whose label starts with the given words. */
  WebElement field(String label) {
    WebElement found = HeadlessBrowser.waitFor(browser, driver -> {
      for (WebElement candidate : driver.findElements(By.cssSelector(".fjs-form label[for]"))) {
        if (candidate.isDisplayed() && candidate.getText().strip().startsWith(label)) {
          return candidate;
        }
      }
      return null;
    });
    return browser.findElement(By.id(found.getAttribute("for")));
  }

  /** Clicks into the field and types the text a key at a time, as a person does. */
  void type(String label, String text) {
    WebElement input = field(label);
    scrollTo(input);
    input.click();
    Actions keys = new Actions(browser);
    for (int i = 0; i < text.length(); i++) {
      char key = text.charAt(i);
      keys.sendKeys(key == '\n' ? "\n" : String.valueOf(key)).pause(BETWEEN_KEYS);
    }
    keys.perform();
  }

  /**
   * Types into the field, then presses Tab and goes straight on typing into the next field, as a
   * person who knows the form does: no pause for the page between the two.
   */
  void typeThenTabAndType(String label, String text, String next) {
    WebElement input = field(label);
    scrollTo(input);
    input.click();
    Actions keys = new Actions(browser);
    for (String part : List.of(text, "\t", next)) {
      for (int i = 0; i < part.length(); i++) {
        char key = part.charAt(i);
        keys.sendKeys(key == '\t' ? Keys.TAB.toString() : String.valueOf(key))
            .pause(BETWEEN_KEYS);
      }
    }
    keys.perform();
  }

  /**
   * Types into the field, then clicks into the next one with the mouse and goes straight on
   * typing, with no pause for the page between the two.
   */
  void typeThenClickAndType(String label, String text, String nextLabel, String next) {
    WebElement input = field(label);
    WebElement nextInput = field(nextLabel);
    scrollTo(input);
    Actions keys = new Actions(browser).click(input);
    typeInto(keys, text);
    keys.moveToElement(nextInput).click();
    typeInto(keys, next);
    keys.perform();
  }

  private static void typeInto(Actions keys, String text) {
    for (int i = 0; i < text.length(); i++) {
      keys.sendKeys(String.valueOf(text.charAt(i))).pause(BETWEEN_KEYS);
    }
  }

  /** Leaves the field with Tab, as a person moving on does. */
  void leave(String label) {
    field(label).sendKeys(Keys.TAB);
  }

  /** What the field shows now. */
  String value(String label) {
    return field(label).getAttribute("value");
  }

  /** Chooses an option of a select field by its label. */
  void choose(String label, String option) {
    WebElement select = container(field(label)).findElement(By.cssSelector(".fjs-input-group"));
    scrollTo(select);
    select.click();
    HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']")))
        .click();
  }

  /** Clicks the radio option with that label. */
  void pick(String option) {
    WebElement label = browser.findElement(By.xpath(
        "//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + option + "']"));
    scrollTo(label);
    label.click();
  }

  /** The error texts shown beside the field with that label, if any. */
  List<String> errorsBeside(String label) {
    return container(field(label)).findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
  }

  /** The field around an input: its label, input, description and errors. */
  private static WebElement container(WebElement input) {
    return input.findElement(By.xpath(
        "ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  /** Clears what the field shows, as a person does (select all, delete), and types anew. */
  void retype(String label, String text) {
    WebElement input = field(label);
    scrollTo(input);
    input.click();
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
        .sendKeys(Keys.BACK_SPACE).perform();
    type(label, text);
  }

  /** Ticks the checkbox with that label. */
  void tick(String label) {
    WebElement box = field(label);
    scrollTo(box);
    box.click();
  }

  /** Whether a field with that label is on the form now (a condition may hide it). */
  boolean shows(String label) {
    return browser.findElements(By.cssSelector(".fjs-form label[for]")).stream()
        .anyMatch(l -> l.isDisplayed() && l.getText().strip().startsWith(label));
  }

  /** The text of the form's text view that starts with the given words, as shown. */
  String text(String startsWith) {
    return HeadlessBrowser.waitFor(browser, driver -> driver.findElements(
            By.cssSelector(".fjs-form .fjs-form-field-text")).stream()
        .map(WebElement::getText).filter(t -> t.strip().startsWith(startsWith))
        .findFirst().orElse(null));
  }

  /** Clicks the Tasklist button (Start, Complete) with that text with the mouse, at its middle. */
  void click(String button) {
    WebElement found = HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='" + button + "']")));
    scrollTo(found);
    new Actions(browser).moveToElement(found).click().perform();
  }

  /** Presses the Tasklist button (Start, Complete) with that text. */
  void press(String button) {
    WebElement found = HeadlessBrowser.waitFor(browser, ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='" + button + "']")));
    scrollTo(found);
    // From the keyboard: the dashboard link may sit over the button's corner.
    found.sendKeys(Keys.ENTER);
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'})", element);
  }
}
