package org.eie.workflows.appeal;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Humanitarian Coordinator's endorsement, on the engine without Spring: only the HC's office
 * of the appeal's country gives it; a send-back needs its reason and starts the co-leads'
 * four-eyes sign-off again. The form's opening text needs the consolidation and is left to the
 * appeal's scenario tests.
 */
@Tag("fast")
@ExtendWith(AtTheScenariosTime.class)
class RecordEndorsementTest {

  static final String KEY = "recordEndorsementTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordEndorsement",
        new RecordEndorsement(InMemoryEngine.currentUser(), RecordActivationTest.LEBANON)));
    InMemoryEngine.oneTask(KEY, "Task_EndorseAppeal").transientForm()
        .endListener("recordEndorsement").deploy();
    InMemoryEngine.user("lb.hc", "Najat", "Rochdi", "hc-LB");
  }

  static final SignOffs BOTH_SIGNED = RecordSignOffTest.unicefApprovedBy("lb.unicef")
      .with(new SignOff(RecordSignOff.SAVE_THE_CHILDREN, "lb.stc", "Karim Nassar", true, null,
          AppealScenario.NOW.toString()));

  static ProcessInstance signedOffAppeal() {
    return start(KEY, Map.of("country", "LB", "signOffs", JsonVariables.json(BOTH_SIGNED)));
  }

  @Test
  void theHcsOfficeEndorsesAndTheAppealIsPublished() {
    ProcessInstance appeal = signedOffAppeal();

    submit(appeal, AppealScenario.endorsement("ENDORSE", null), "lb.hc", "hc-LB");

    assertThat(recorded(appeal, "endorsement")).isEqualTo(new Endorsement("ENDORSE", null,
        "lb.hc", "Najat Rochdi", "2026-11-20T12:00Z"));
    assertThat(recorded(appeal, "endorsed")).isEqualTo(true);
    assertThat(((SignOffs) recorded(appeal, "signOffs")).currentApprovals()).hasSize(2);
  }

  @Test
  void nobodyOutsideTheHcsOfficeOfTheCountryMayEndorse() {
    ProcessInstance appeal = signedOffAppeal();

    assertThatThrownBy(() -> submit(appeal, AppealScenario.endorsement("ENDORSE", null),
        "sy.hc", "hc-SY"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("only the Humanitarian Coordinator's office of LB (hc-LB) may");
    assertThat(recorded(appeal, "endorsed")).isNull();
  }

  @Test
  void aSendBackNeedsItsReason() {
    ProcessInstance appeal = signedOffAppeal();

    assertThatThrownBy(() -> submit(appeal, AppealScenario.endorsement("SEND_BACK", null),
        "lb.hc", "hc-LB"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("endorsementReason"));
  }

  @Test
  void aSendBackStartsTheFourEyesSignOffAgainWithTheReason() {
    ProcessInstance appeal = signedOffAppeal();

    submit(appeal, AppealScenario.endorsement("SEND_BACK", "Add the Bekaa schools"), "lb.hc",
        "hc-LB");

    assertThat(recorded(appeal, "endorsed")).isEqualTo(false);
    var signOffs = (SignOffs) recorded(appeal, "signOffs");
    assertThat(signOffs.currentApprovals()).isEmpty();
    assertThat(signOffs.decisions().get(2)).isEqualTo(new SignOff(
        RecordSignOff.HUMANITARIAN_COORDINATOR, "lb.hc", "Najat Rochdi", false,
        "Add the Bekaa schools", "2026-11-20T12:00Z"));
  }

  @Test
  void aDecisionThatIsNeitherEndorseNorSendBackIsRefused() {
    ProcessInstance appeal = signedOffAppeal();

    assertThatThrownBy(() -> submit(appeal, AppealScenario.endorsement("APPROVE", null),
        "lb.hc", "hc-LB"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("endorsementDecision"));
  }

  @Test
  void theFormNamesWhoSignedOff() {
    assertThat(RecordEndorsement.signedOffBy("Lebanon", BOTH_SIGNED)).isEqualTo("For the"
        + " Humanitarian Coordinator's office of Lebanon. Signed off for UNICEF by lb.unicef and"
        + " for Save the Children by Karim Nassar.");
  }

  @Test
  void aCancelledEndorsementRecordsNothing() {
    ProcessInstance appeal = signedOffAppeal();

    cancel(appeal);

    assertThat(recorded(appeal, "endorsement")).isNull();
  }
}
