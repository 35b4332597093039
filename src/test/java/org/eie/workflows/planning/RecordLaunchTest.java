package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.planning.PlanModel.Launch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The launch: where both plans are published, a web link, which the translators receive. */
@Tag("fast")
class RecordLaunchTest {

  static String key;

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    key = PlanningStep.deploy("recordLaunch", new RecordLaunch(InMemoryEngine.currentUser()),
        "Task_LaunchPlans");
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  @Test
  void theLaunchIsRecordedWithItsLinkWhoAndWhen() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-15T08:00:00Z")));
    ProcessInstance cycle = start(key, Map.of());

    PlanningStep.complete(cycle, Map.of("publicationLink", "https://inee.org/plan-2027",
        "launchNote", "Webinar on 20 January"), "gec.unicef", "gec-global-coleads");

    assertThat(recorded(cycle, "publicationLink")).isEqualTo("https://inee.org/plan-2027");
    assertThat(recorded(cycle, "launch")).isEqualTo(new Launch("https://inee.org/plan-2027",
        "Webinar on 20 January", "gec.unicef", "2027-01-15T08:00:00Z", null));
    assertThat(recorded(cycle, "launchNote")).isNull();
  }

  @Test
  void aPublicationThatIsNotAWebLinkIsRefused() {
    ProcessInstance cycle = start(key, Map.of());

    var refused = PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("publicationLink", "the INEE website"), "gec.unicef", "gec-global-coleads"));

    assertThat(refused.field()).isEqualTo("publicationLink");
    assertThat(refused.getMessage()).contains("is not a web link");
    assertThat(recorded(cycle, "launch")).isNull();
  }
}
