package org.eie.workflows.planning;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Translation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A Language Community's translation, added to the launch with its link, who and when. */
@Tag("fast")
class RecordTranslationTest {

  static final Launch LAUNCHED = new Launch("https://inee.org/plan-2027", null, "gec.unicef",
      "2027-01-15T08:00:00Z", List.of());
  static String key;

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    key = PlanningStep.deploy("recordTranslation",
        new RecordTranslation(InMemoryEngine.currentUser()), "Task_TranslatePlans");
    InMemoryEngine.user("fr.translator", "Claire", "Martin", "language-fr");
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  @Test
  void theTranslationIsAddedToTheLaunch() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-01T10:00:00Z")));
    ProcessInstance cycle = start(key, Map.of("language", "fr",
        "launch", JsonVariables.json(LAUNCHED)));

    PlanningStep.complete(cycle, Map.of("translationLink", "https://inee.org/fr/plan-2027",
        "translationNote", "Relu par le comité"), "fr.translator", "language-fr");

    assertThat(((Launch) recorded(cycle, "launch")).translations()).containsExactly(
        new Translation("fr", "fr.translator", "Claire Martin", "https://inee.org/fr/plan-2027",
            "2027-02-01T10:00:00Z"));
    assertThat(recorded(cycle, "translationLink")).isNull();
    assertThat(recorded(cycle, "translationNote")).isNull();
  }

  @Test
  void aTranslationWithoutItsLinkIsRefused() {
    ProcessInstance cycle = start(key, Map.of("language", "fr",
        "launch", JsonVariables.json(LAUNCHED)));

    assertThat(PlanningStep.refusal(cycle, () -> PlanningStep.complete(cycle,
        Map.of("translationNote", "Done"), "fr.translator", "language-fr")).field())
        .isEqualTo("translationLink");
    assertThat(((Launch) recorded(cycle, "launch")).translations()).isEmpty();
  }
}
