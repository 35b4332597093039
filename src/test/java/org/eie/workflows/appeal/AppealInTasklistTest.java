package org.eie.workflows.appeal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests of the appeal's forms share: a browser on Tasklist, a person's way of
 * filling its forms in ({@link TasklistForms}), a scenario, and the engine's clock at the
 * scenario's time.
 */
abstract class AppealInTasklistTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  WebDriver browser;
  TasklistForms form;
  AppealScenario scenario;

  @BeforeEach
  void openBrowserAtTheScenariosTime() {
    browser = HeadlessBrowser.start();
    form = new TasklistForms(browser, "http://localhost:" + port + "/camunda/app/tasklist/");
    scenario = new AppealScenario(engine);
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void closeBrowserAndResetTheClock() {
    ClockUtil.reset();
    HeadlessBrowser.quit(browser);
  }
}
