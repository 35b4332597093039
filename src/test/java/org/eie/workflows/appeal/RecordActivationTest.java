package org.eie.workflows.appeal;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The co-leads' go / no-go, on the engine without Spring: the task shows the trigger they decide
 * on, with the country's name; the decision is recorded with its reason, who and when; a no-go is
 * recorded as such (the appeal ends on it); a cancelled task records nothing.
 */
@Tag("fast")
@ExtendWith(AtTheScenariosTime.class)
class RecordActivationTest {

  static final String KEY = "recordActivationTest";
  static final EieProperties LEBANON = new EieProperties(true, null, Map.of("LB", "Lebanon"));
  static final AppealInputs INPUTS = new AppealInputs(LEBANON);

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordActivation",
        new RecordActivation(INPUTS, InMemoryEngine.currentUser(), LEBANON)));
    InMemoryEngine.oneTask(KEY, "Task_ConfirmActivation").transientForm()
        .taskListener("create", "recordActivation").endListener("recordActivation").deploy();
  }

  /** An appeal at its activation, triggered by the scenario's explosion in Beirut. */
  static ProcessInstance appeal(String key) {
    return start(key, Map.of("country", "LB", "trigger",
        JsonVariables.json(INPUTS.trigger(AppealScenario.trigger()))));
  }

  @Test
  void theTaskShowsTheTriggerWithTheCountrysNameAndTheOnsetToTheMinute() {
    ProcessInstance appeal = appeal(KEY);

    String summary = (String) InMemoryEngine.engine().getTaskService()
        .getVariableLocal(task(appeal).getId(), "triggerSummary");
    assertThat(summary).contains("Emergency: Explosion\nCountry: Lebanon\n",
        "Onset: 20 November 2026, 10:08 (UTC)", "Affected areas: Beirut, برج حمود, Mount Lebanon",
        "A large explosion in the port");
  }

  @Test
  void goIsRecordedWithItsReasonWhoAndWhen() {
    ProcessInstance appeal = appeal(KEY);

    submit(appeal, AppealScenario.go(), "lb.unicef", "coleads-LB");

    assertThat(recorded(appeal, "activation")).isEqualTo(new Activation(true,
        "Flash Appeal requested by the HC", "UNICEF", "lb.unicef", "2026-11-20T12:00Z"));
    assertThat(recorded(appeal, "activated")).isEqualTo(true);
    assertThat(recorded(appeal, "activationReason")).isNull();
    assertThat(recorded(appeal, "appealLead")).isNull();
  }

  @Test
  void noGoIsRecordedSoTheAppealEnds() {
    ProcessInstance appeal = appeal(KEY);

    submit(appeal, Map.of("activated", false, "activationReason", "Covered by the HRP"),
        "lb.unicef", "coleads-LB");

    assertThat(recorded(appeal, "activated")).isEqualTo(false);
    assertThat(((Activation) recorded(appeal, "activation")).reason())
        .isEqualTo("Covered by the HRP");
  }

  @Test
  void anAnswerThatIsNeitherGoNorNoGoIsRefusedWithTheMissingReason() {
    ProcessInstance appeal = appeal(KEY);

    assertThatThrownBy(() -> submit(appeal, Map.of("activated", "perhaps"), "lb.unicef",
        "coleads-LB"))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(e -> e.field()).containsExactly("activated", "activationReason"));
    assertThat(task(appeal)).isNotNull();
    assertThat(recorded(appeal, "activation")).isNull();
  }

  @Test
  void aCancelledTaskRecordsNothing() {
    ProcessInstance appeal = appeal(KEY);

    cancel(appeal);

    assertThat(recorded(appeal, "activation")).isNull();
    assertThat(recorded(appeal, "activated")).isNull();
  }
}
