package org.eie.workflows;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system's packages, driven through the system's chromedriver (so
 * Selenium downloads nothing), with the flags this machine needs (no network, no sandbox).
 */
public final class HeadlessBrowser {

  private HeadlessBrowser() {
  }

  public static WebDriver start() {
    // One driver service per browser: quitting a browser ends the service it was started with.
    var service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,1024",
        // A headless window has no screen to be seen on: unless told otherwise, Chromium may
        // treat the page as in the background on a busy machine, lower its renderer's priority
        // and hold back its timers and module loads. Tasklist starts through dynamic imports
        // (its config.js, then its custom scripts); so held back, it stayed blank for minutes
        // while the server sat idle. A person's page is in the foreground.
        "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding", "--disable-features=IntensiveWakeUpThrottling");
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return browser;
  }

  /** Quits the browser if it was started. */
  public static void quit(WebDriver browser) {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * Waits for what Tasklist shows once it has started, giving a fresh server on a busy machine
   * its time. Headless Chromium on a busy machine sometimes leaves Tasklist's page blank for
   * minutes: one of the dynamic imports Tasklist starts with (its config.js, or a custom script)
   * is never fetched, while the server sits idle (seen in thread dumps taken during the wait). A
   * person facing a blank page reloads it; so does this, once, and only when Tasklist never
   * started (Angular never bootstrapped). A Tasklist that starts and does not show what is
   * expected still fails.
   */
  public static <T> T whenTasklistStarted(WebDriver browser, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    } catch (TimeoutException notShown) {
      if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
          "return !(window.angular && angular.element(document.body).injector());"))) {
        throw notShown;
      }
      browser.navigate().refresh();
      return new WebDriverWait(browser, Duration.ofSeconds(90)).until(condition);
    }
  }

  public static <T> T waitFor(WebDriver browser, ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
  }
}
