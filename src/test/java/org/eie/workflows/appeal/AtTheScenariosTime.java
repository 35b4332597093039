package org.eie.workflows.appeal;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts the engine's clock at the scenario's moment ({@link AppealScenario#NOW}) for each test,
 * and back to the real time after it: {@code @ExtendWith(AtTheScenariosTime.class)}.
 */
class AtTheScenariosTime implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    AppealScenario.clock(AppealScenario.NOW);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
