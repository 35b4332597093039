package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;

/**
 * One planning task around its recorder on the in-memory engine, as the cycle wires them: an
 * execution listener at the task's end ({@link PlanningRecorder}), the form's fields arriving as
 * variables ({@code TaskService.complete}, as Tasklist's generated forms complete these tasks).
 * {@link #deployAsBefore} wires it as the cycle's older diagram versions do, a task "complete"
 * listener.
 */
final class PlanningStep {

  private PlanningStep() {
  }

  /** Deploys a process of the one task {@code taskId} recorded by {@code recorder}; its key. */
  static String deploy(String bean, PlanningRecorder recorder, String taskId) {
    InMemoryEngine.with(Map.of(bean, recorder));
    String key = bean + "_" + taskId;
    InMemoryEngine.oneTask(key, taskId).endListener(bean).deploy();
    return key;
  }

  /** The same, wired as the versions of the diagram before the end listeners: on "complete". */
  static String deployAsBefore(String bean, PlanningRecorder recorder, String taskId) {
    InMemoryEngine.with(Map.of(bean, recorder));
    String key = bean + "_before_" + taskId;
    InMemoryEngine.oneTask(key, taskId).taskListener("complete", bean).deploy();
    return key;
  }

  /** Completes the instance's task with the form, as the user in the groups. */
  static void complete(ProcessInstance step, Map<String, Object> form, String userId,
      String... groups) {
    InMemoryEngine.complete(step, form, userId, groups);
  }

  /**
   * The refusal the completion ended with (unwrapped: the engine wraps a task listener's
   * exception) and the task still open: nothing was recorded.
   */
  static InvalidInput refusal(ProcessInstance step, Runnable completion) {
    var refused = InMemoryEngine.refusal(InvalidInput.class, completion);
    assertThat(InMemoryEngine.task(step)).isNotNull();
    return refused;
  }
}
