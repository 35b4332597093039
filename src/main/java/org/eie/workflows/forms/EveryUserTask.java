package org.eie.workflows.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What the project adds to every user task of every deployed process, whatever its BPMN says: one
 * parse listener per addition, registered by an engine plugin's {@code preInit}.
 */
public final class EveryUserTask {

  private EveryUserTask() {
  }

  /** Calls {@code task} for each user task parsed, before the BPMN's own listeners are added. */
  public static void beforeItsOwnListeners(ProcessEngineConfigurationImpl configuration,
      BiConsumer<Element, TaskDefinition> task) {
    configuration.setCustomPreBPMNParseListeners(
        with(configuration.getCustomPreBPMNParseListeners(), task));
  }

  /** Calls {@code task} for each user task parsed, after the BPMN's own listeners are added. */
  public static void afterItsOwnListeners(ProcessEngineConfigurationImpl configuration,
      BiConsumer<Element, TaskDefinition> task) {
    configuration.setCustomPostBPMNParseListeners(
        with(configuration.getCustomPostBPMNParseListeners(), task));
  }

  /** Adds {@code listener} to each user task's create event, after the BPMN's own listeners. */
  public static void onCreate(ProcessEngineConfigurationImpl configuration,
      TaskListener listener) {
    afterItsOwnListeners(configuration,
        (element, task) -> task.addTaskListener(TaskListener.EVENTNAME_CREATE, listener));
  }

  private static List<BpmnParseListener> with(List<BpmnParseListener> registered,
      BiConsumer<Element, TaskDefinition> task) {
    List<BpmnParseListener> listeners =
        registered == null ? new ArrayList<>() : new ArrayList<>(registered);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          task.accept(element, userTask.getTaskDefinition());
        }
      }
    });
    return listeners;
  }
}
