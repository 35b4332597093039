package org.eie.workflows.appeal;

import org.eie.workflows.variables.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;
import static org.eie.workflows.InMemoryEngine.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.Groups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The four-eyes sign-off, on the engine without Spring: each organisation's sign-off is given by
 * a co-lead of the country in that organisation, never by the person who already signed for the
 * other one (neither at the claim nor at the completion); a send-back needs a comment and starts
 * the round again. The form's opening text needs the consolidation and is left to the appeal's
 * scenario tests.
 */
@Tag("fast")
@ExtendWith(AtTheScenariosTime.class)
class RecordSignOffTest {

  static final String UNICEF_KEY = "recordSignOffUnicefTest";
  static final String SAVE_THE_CHILDREN_KEY = "recordSignOffSaveTheChildrenTest";
  static final String[] UNICEF_CO_LEAD = {Groups.coLeadsOf("LB"), Groups.UNICEF};
  static final String[] SAVE_THE_CHILDREN_CO_LEAD = {Groups.coLeadsOf("LB"),
      Groups.SAVE_THE_CHILDREN};
  static final String[] IN_BOTH = {Groups.coLeadsOf("LB"), Groups.UNICEF,
      Groups.SAVE_THE_CHILDREN};

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordSignOff", new RecordSignOff(InMemoryEngine.currentUser(),
        InMemoryEngine.engineRecord(), RecordActivationTest.LEBANON)));
    InMemoryEngine.oneTask(UNICEF_KEY, "Task_SignOffUnicef").transientForm()
        .taskListener("assignment", "recordSignOff").endListener("recordSignOff").deploy();
    InMemoryEngine.oneTask(SAVE_THE_CHILDREN_KEY, "Task_SignOffSaveTheChildren")
        .transientForm().taskListener("assignment", "recordSignOff")
        .endListener("recordSignOff").deploy();
    InMemoryEngine.user("lb.unicef", "Layla", "Haddad", UNICEF_CO_LEAD);
    InMemoryEngine.user("lb.stc", "Karim", "Nassar", SAVE_THE_CHILDREN_CO_LEAD);
    InMemoryEngine.user("lb.both", "Rana", "Khoury", IN_BOTH);
  }

  static ProcessInstance signOff(String key, SignOffs before) {
    return start(key, Map.of("country", "LB", "signOffs", JsonVariables.json(before)));
  }

  static SignOffs unicefApprovedBy(String userId) {
    return SignOffs.NONE.with(new SignOff(RecordSignOff.UNICEF, userId, userId, true, null,
        AppealScenario.NOW.toString()));
  }

  static SignOffs signOffs(ProcessInstance appeal) {
    return (SignOffs) recorded(appeal, "signOffs");
  }

  @Test
  void anApprovalIsRecordedWithTheSignersNameAndTime() {
    ProcessInstance appeal = signOff(UNICEF_KEY, SignOffs.NONE);

    submit(appeal, AppealScenario.signOff("APPROVE", "Figures checked"), "lb.unicef",
        UNICEF_CO_LEAD);

    assertThat(signOffs(appeal).decisions()).containsExactly(new SignOff(RecordSignOff.UNICEF,
        "lb.unicef", "Layla Haddad", true, "Figures checked", "2026-11-20T12:00Z"));
    assertThat(recorded(appeal, "signedOff")).isEqualTo(true);
    assertThat(recorded(appeal, "signOffDecision")).isNull();
  }

  @Test
  void theSecondOrganisationsCoLeadCompletesTheFourEyes() {
    ProcessInstance appeal = signOff(SAVE_THE_CHILDREN_KEY, unicefApprovedBy("lb.unicef"));

    submit(appeal, AppealScenario.signOff("APPROVE", null), "lb.stc", SAVE_THE_CHILDREN_CO_LEAD);

    assertThat(signOffs(appeal).currentApprovals()).extracting(SignOff::userId)
        .containsExactly("lb.unicef", "lb.stc");
    assertThat(recorded(appeal, "signedOff")).isEqualTo(true);
  }

  @Test
  void whoSignedForUnicefCannotAlsoSignForSaveTheChildren() {
    ProcessInstance appeal = signOff(SAVE_THE_CHILDREN_KEY, unicefApprovedBy("lb.both"));

    assertThatThrownBy(() -> submit(appeal, AppealScenario.signOff("APPROVE", null), "lb.both",
        IN_BOTH))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("signOffDecision");
          assertThat(refused.getMessage()).contains("lb.both has already signed this appeal off"
              + " for the other organisation: four eyes need a second person");
        });
    assertThat(task(appeal)).isNotNull();
    assertThat(signOffs(appeal).decisions()).hasSize(1);
  }

  @Test
  void whoSignedForUnicefCannotEvenClaimTheSaveTheChildrenSignOff() {
    ProcessInstance appeal = signOff(SAVE_THE_CHILDREN_KEY, unicefApprovedBy("lb.both"));
    String taskId = task(appeal).getId();
    var tasks = InMemoryEngine.engine().getTaskService();

    // The engine wraps a task listener's refusal; the application's REST layer answers it 403.
    assertThatThrownBy(() -> tasks.claim(taskId, "lb.both"))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("lb.both may not hold this sign-off");
    assertThat(task(appeal).getAssignee()).isNull();

    tasks.claim(taskId, "lb.stc");
    assertThat(task(appeal).getAssignee()).isEqualTo("lb.stc");
  }

  @Test
  void aCoLeadOfTheOtherOrganisationCannotSignForUnicef() {
    ProcessInstance appeal = signOff(UNICEF_KEY, SignOffs.NONE);

    assertThatThrownBy(() -> submit(appeal, AppealScenario.signOff("APPROVE", null), "lb.stc",
        SAVE_THE_CHILDREN_CO_LEAD))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .contains("only a UNICEF co-lead of LB (a member of coleads-LB and org-unicef)"));
    assertThat(signOffs(appeal).decisions()).isEmpty();
  }

  @Test
  void aSendBackNeedsItsComment() {
    ProcessInstance appeal = signOff(UNICEF_KEY, SignOffs.NONE);

    assertThatThrownBy(() -> submit(appeal, AppealScenario.signOff("SEND_BACK", null),
        "lb.unicef", UNICEF_CO_LEAD))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("signOffComment"));
  }

  @Test
  void aSendBackStartsTheRoundAgain() {
    ProcessInstance appeal = signOff(SAVE_THE_CHILDREN_KEY, unicefApprovedBy("lb.unicef"));

    submit(appeal, AppealScenario.signOff("SEND_BACK", "Akkar's figures are double counted"),
        "lb.stc", SAVE_THE_CHILDREN_CO_LEAD);

    assertThat(recorded(appeal, "signedOff")).isEqualTo(false);
    assertThat(signOffs(appeal).decisions()).hasSize(2);
    assertThat(signOffs(appeal).currentApprovals()).isEmpty();
  }

  @Test
  void aDecisionThatIsNeitherApproveNorSendBackIsRefused() {
    ProcessInstance appeal = signOff(UNICEF_KEY, SignOffs.NONE);

    assertThatThrownBy(() -> submit(appeal, AppealScenario.signOff("ABSTAIN", "Unsure"),
        "lb.unicef", UNICEF_CO_LEAD))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("signOffDecision"));
  }

  @Test
  void theFormSaysWhoMayNotSignAfterTheFirstSignature() {
    assertThat(RecordSignOff.whoSigns(RecordSignOff.SAVE_THE_CHILDREN, "Lebanon",
        SignOffs.NONE.with(new SignOff(RecordSignOff.UNICEF, "lb.both", "Rana Khoury", true,
            null, "2026-11-20T12:00Z"))))
        .isEqualTo("For the Save the Children co-lead of Lebanon: only a co-lead of Lebanon in"
            + " Save the Children may claim and sign it. Not Rana Khoury, who signed for the"
            + " other organisation: four eyes.");
    assertThat(RecordSignOff.refusal("lb.stc", List.of(SAVE_THE_CHILDREN_CO_LEAD),
        RecordSignOff.SAVE_THE_CHILDREN, "LB", SignOffs.NONE)).isNull();
  }

  @Test
  void aCancelledSignOffRecordsNothing() {
    ProcessInstance appeal = signOff(UNICEF_KEY, SignOffs.NONE);

    cancel(appeal);

    assertThat(signOffs(appeal).decisions()).isEmpty();
    assertThat(recorded(appeal, "signedOff")).isNull();
  }
}
