package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.identity.Groups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The check before an appeal reaches the donors, on the in-memory engine without Spring: from
 * the engine's own record (who completed each task, signed in, and their groups now), the
 * appeal was signed off by two different people, a co-lead of the country in each organisation,
 * and endorsed after them by the country's HC office; otherwise nothing goes out. The appeal's
 * steps are reduced to the ones the check reads, in the appeal's order and with its ids, and a
 * save point before the hand-over, as the appeal has (the record of a step is written when its
 * transaction commits).
 */
@Tag("fast")
class FourEyesCheckTest {

  static final String KEY = "fourEyesCheckTest";
  static final String[] UNICEF = {Groups.coLeadsOf("LB"), Groups.UNICEF};
  static final String[] SAVE_THE_CHILDREN = {Groups.coLeadsOf("LB"), Groups.SAVE_THE_CHILDREN};
  static final String[] BOTH = {Groups.coLeadsOf("LB"), Groups.UNICEF, Groups.SAVE_THE_CHILDREN};
  static final String[] HC = {"hc-LB"};
  static ProcessEngine engine;

  @BeforeAll
  static void deploy() {
    engine = InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("fourEyesCheck", new FourEyesCheck(
        InMemoryEngine.engineRecord(), InMemoryEngine.currentUser())));
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_FourEyes"
            targetNamespace="http://eie.org/fast-tests">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Event_Start" targetRef="Task_SignOffUnicef" />
            <bpmn:userTask id="Task_SignOffUnicef" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_SignOffUnicef"
                targetRef="Task_SignOffSaveTheChildren" />
            <bpmn:userTask id="Task_SignOffSaveTheChildren" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_SignOffSaveTheChildren"
                targetRef="Task_EndorseAppeal" />
            <bpmn:userTask id="Task_EndorseAppeal" />
            <bpmn:sequenceFlow id="F4" sourceRef="Task_EndorseAppeal"
                targetRef="Event_AppealSignedOff" />
            <bpmn:intermediateThrowEvent id="Event_AppealSignedOff" />
            <bpmn:sequenceFlow id="F5" sourceRef="Event_AppealSignedOff"
                targetRef="Task_DistributeToDonors" />
            <bpmn:userTask id="Task_DistributeToDonors" camunda:asyncBefore="true">
              <bpmn:extensionElements>
                <camunda:executionListener delegateExpression="${fourEyesCheck}" event="start" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="F6" sourceRef="Task_DistributeToDonors" targetRef="Event_End" />
            <bpmn:endEvent id="Event_End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY).strip();
    engine.getRepositoryService().createDeployment().addString(KEY + ".bpmn", xml).deploy();
    InMemoryEngine.user("lb.unicef", "Layla", "Haddad", UNICEF);
    InMemoryEngine.user("lb.stc", "Karim", "Nassar", SAVE_THE_CHILDREN);
    InMemoryEngine.user("lb.both", "Rana", "Khoury", BOTH);
    InMemoryEngine.user("lb.hc", "Najat", "Rochdi", HC);
    InMemoryEngine.user("lb.leaver", "Omar", "Saad", UNICEF);
  }

  static ProcessInstance appeal() {
    return InMemoryEngine.start(KEY, Map.of("country", "LB"));
  }

  static void completeAs(ProcessInstance appeal, String userId, String... groups) {
    Task task = InMemoryEngine.task(appeal);
    InMemoryEngine.asUser(userId, groups, () -> engine.getTaskService().complete(task.getId()));
  }

  static void signedOffBy(ProcessInstance appeal, String unicef, String saveTheChildren) {
    completeAs(appeal, unicef, UNICEF);
    completeAs(appeal, saveTheChildren, SAVE_THE_CHILDREN);
  }

  /** Runs the hand-over to the donors, after the endorsement's save point. */
  static void handOver(ProcessInstance appeal) {
    var job = engine.getManagementService().createJobQuery().processInstanceId(appeal.getId())
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  /** The check's refusal of the hand-over, whether the engine passes it on or wraps it. */
  static String refusal(ProcessInstance appeal) {
    var refused = InMemoryEngine.refusal(FourEyesCheck.FourEyesNotMet.class,
        () -> handOver(appeal));
    assertThat(InMemoryEngine.task(appeal)).isNull();
    return refused.getMessage();
  }

  @Test
  void twoCoLeadsAndTheHcsOfficeLetTheAppealReachTheDonors() {
    ProcessInstance appeal = appeal();
    signedOffBy(appeal, "lb.unicef", "lb.stc");

    completeAs(appeal, "lb.hc", HC);
    handOver(appeal);

    assertThat(InMemoryEngine.task(appeal).getTaskDefinitionKey())
        .isEqualTo("Task_DistributeToDonors");
  }

  @Test
  void onePersonWhoSignedForBothOrganisationsStopsTheAppeal() {
    ProcessInstance appeal = appeal();
    signedOffBy(appeal, "lb.both", "lb.both");

    completeAs(appeal, "lb.hc", HC);

    assertThat(refusal(appeal)).contains("lb.both completed both sign-offs; four eyes need two"
        + " different people");
  }

  @Test
  void aSignerWhoLeftTheOrganisationSinceStopsTheAppeal() {
    ProcessInstance appeal = appeal();
    signedOffBy(appeal, "lb.leaver", "lb.stc");
    engine.getIdentityService().deleteMembership("lb.leaver", Groups.UNICEF);

    completeAs(appeal, "lb.hc", HC);

    assertThat(refusal(appeal))
        .contains("lb.leaver signed off but is not a co-lead of LB in org-unicef");
  }

  @Test
  void anEndorsementFromOutsideTheHcsOfficeStopsTheAppeal() {
    ProcessInstance appeal = appeal();
    signedOffBy(appeal, "lb.unicef", "lb.stc");

    completeAs(appeal, "lb.stc", SAVE_THE_CHILDREN);

    assertThat(refusal(appeal)).contains("lb.stc endorsed but is not in the Humanitarian"
        + " Coordinator's office of LB");
  }

  @Test
  void aSignOffCompletedWithoutASignedInUserStopsTheAppeal() {
    ProcessInstance appeal = appeal();
    engine.getTaskService().complete(InMemoryEngine.task(appeal).getId());
    completeAs(appeal, "lb.stc", SAVE_THE_CHILDREN);

    completeAs(appeal, "lb.hc", HC);

    assertThat(refusal(appeal)).contains("was completed without a signed-in user on record");
  }
}
