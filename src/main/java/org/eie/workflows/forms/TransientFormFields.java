package org.eie.workflows.forms;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * A user task marked {@code <camunda:property name="formFields" value="transient" />} hands what
 * its form submitted (in Tasklist, or {@code POST /task/{id}/submit-form}) to the listener that
 * records the task as one transient value, {@value #SUBMITTED_FORM}: a map of field to value that
 * lives for the transaction completing the task and is never written to the database. The
 * listener checks the fields and keeps what matters as typed variables.
 *
 * <p>Why: written as loose process variables, a form's twenty fields cost a row, a history row
 * and a history detail each, and as much again to remove them a moment later; they were most of
 * an appeal step's database work. What the user submitted stays on record in the variable the
 * listener writes (with who and when), not as loose fields; for these tasks the engine's own
 * form-field history entries ({@code ACT_HI_DETAIL}, type FormProperty) are not written either.
 *
 * <p>A task completed through {@code TaskService.complete} with variables does not pass through
 * the form handler: its listener finds the values as ordinary variables, as before.
 */
@Component
public class TransientFormFields extends AbstractProcessEnginePlugin {

  /** The transient variable holding the submitted form: field name to value. */
  public static final String SUBMITTED_FORM = "submittedForm";

  static final String PROPERTY = "formFields";
  static final String TRANSIENT = "transient";

  /** The form submitted in this transaction to the task whose activity is ending, if any. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> submittedForm(VariableScope scope) {
    return scope.getVariable(SUBMITTED_FORM) instanceof Map<?, ?> form
        ? (Map<String, Object>) form : null;
  }

  /** Forgets the submitted form once recorded, before anything else runs in the transaction. */
  public static void forgetSubmittedForm(VariableScope scope) {
    scope.removeVariable(SUBMITTED_FORM);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.beforeItsOwnListeners(configuration, (element, task) -> {
      if (marked(element)) {
        task.setTaskFormHandler(new Handler(task.getTaskFormHandler()));
      }
    });
  }

  private static boolean marked(Element userTask) {
    Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTask);
    return properties != null && TRANSIENT.equals(properties.get(PROPERTY));
  }

  /** Keeps the submitted values in one transient map on the task's execution. */
  static final class Handler implements TaskFormHandler {

    private final TaskFormHandler formHandler;

    Handler(TaskFormHandler formHandler) {
      this.formHandler = formHandler;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      formHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return formHandler.createTaskForm(task);
    }

    @Override
    public void submitFormVariables(VariableMap submitted, VariableScope task) {
      Map<String, Object> form = new HashMap<>();
      for (String field : submitted.keySet()) {
        form.put(field, plainValue(field, submitted.getValueTyped(field)));
      }
      ((TaskEntity) task).getExecution().setVariableLocal(SUBMITTED_FORM,
          Variables.objectValue(form, true).create());
    }
  }

  /**
   * The value as the listener would have read it back from a variable: REST sends JSON fields
   * (a Camunda Forms checklist) as text, which becomes the JSON node the engine would have stored.
   */
  static Object plainValue(String field, TypedValue value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      if (SpinValueType.JSON.equals(value.getType())) {
        return serializable.getValueSerialized() == null ? null
            : Spin.JSON(serializable.getValueSerialized());
      }
      // A form field validation failure: the REST API answers 400, Tasklist shows it on the form.
      throw new FormFieldValidationException(field, field + ": values of type "
          + value.getType().getName() + " are not accepted; send text, numbers, booleans, dates"
          + " or JSON");
    }
    return value.getValue();
  }
}
