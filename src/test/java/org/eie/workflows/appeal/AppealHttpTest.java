package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealScenario.NOW;
import static org.eie.workflows.appeal.AppealScenario.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the appeal's HTTP tests share: a client for the running app, a scenario, the clock. */
abstract class AppealHttpTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ObjectMapper json;

  Http http;
  AppealScenario scenario;

  @BeforeEach
  void setUpClientAndClock() {
    http = new Http(port);
    scenario = new AppealScenario(engine);
    clock(NOW);
  }

  @AfterEach
  void resetUserAndClock() {
    scenario.asSystem();
    ClockUtil.reset();
  }
}
