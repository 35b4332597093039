package org.eie.workflows.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Process data is written only through its forms: a task's form submission (Tasklist, or
 * {@code POST /task/{id}/submit-form}) and a start form's may carry only the fields of that
 * form, the keys of its deployed Camunda Form (or the declared fields of a generated form).
 * Anything else, {@code trigger} sent to a sign-off say, is refused as a form field error (400,
 * shown on the form) before any variable is written, whoever submits it. Which field of the form
 * is kept, and how, is then the task's recorder's business.
 *
 * <p>The other engine routes that write variables are closed for everyone but administrators by
 * the engine API's allow-list ({@code security/EngineRoutes}).
 */
@Component
public class OnlyTheFormsFields extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Outermost, after every other handler was set (a transient form does not hand on).
    EveryUserTask.afterItsOwnListeners(configuration,
        (element, task) -> task.setTaskFormHandler(new Handler(task.getTaskFormHandler(), null)));
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        if (process.getStartFormHandler() != null) {
          process.setStartFormHandler(new Handler(null, process.getStartFormHandler()));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Checks the submitted names against the form, then hands the submission on. */
  static final class Handler implements TaskFormHandler, StartFormHandler {

    private final TaskFormHandler task;
    private final StartFormHandler start;

    Handler(TaskFormHandler task, StartFormHandler start) {
      this.task = task;
      this.start = start;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      if (task != null) {
        task.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
      } else {
        start.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
      }
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity taskEntity) {
      return task.createTaskForm(taskEntity);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
      return start.createStartFormData(processDefinition);
    }

    @Override
    public void submitFormVariables(VariableMap submitted, VariableScope scope) {
      if (task != null) {
        requireOnlyFieldsOf(() -> task.createTaskForm((TaskEntity) scope), submitted);
        task.submitFormVariables(submitted, scope);
      } else {
        requireOnlyFieldsOf(() -> start.createStartFormData(
            ((ExecutionEntity) scope).getProcessDefinition()), submitted);
        start.submitFormVariables(submitted, scope);
      }
    }
  }

  /** 400 naming the first submitted name that is not a field of the form. */
  static void requireOnlyFieldsOf(Supplier<FormData> form, VariableMap submitted) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    Set<String> fields = fieldsOf(form.get());
    Set<String> unknown = new TreeSet<>(submitted.keySet());
    unknown.removeAll(fields);
    if (!unknown.isEmpty()) {
      String field = unknown.iterator().next();
      throw new FormFieldValidationException(field, field
          + ": is not a field of this form; a form submits only its own fields");
    }
  }

  /** The names a form submits: its Camunda Form's keys, or its generated form's fields. */
  static Set<String> fieldsOf(FormData form) {
    Set<String> fields = new HashSet<>();
    if (form == null) {
      return fields;
    }
    if (form.getFormFields() != null) {
      form.getFormFields().stream().map(FormField::getId).forEach(fields::add);
    }
    if (form.getCamundaFormRef() != null) {
      TaskForms.in(Context.getCommandContext(), form.getCamundaFormRef(), form.getDeploymentId())
          .ifPresent(deployed -> fields.addAll(deployed.fields()));
    }
    return fields;
  }
}
