package org.eie.workflows.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form an open task shows, as the engine would find it for the task's
 * {@code deployed-form} ({@code camunda:formRef} with binding {@code latest} or
 * {@code deployment}), kept per node once read: a deployed form never changes (a new version is a
 * new form definition with a new id). Which definition is a task's {@code latest} form is asked
 * again after {@link #LATEST_FOR}: forms are deployed when a release starts, so a form that a new
 * release deploys from another node is served here within that time. In between, no query at all
 * where the engine reads the task, its process definition, the authorizations, the form
 * definition and its resource.
 *
 * <p>Each form also knows the variables it reads ({@link TaskForm#variableNames()}): its fields'
 * keys, the lists its options come from, and every name in its expressions and templates, so a
 * task's form variables can be read without every other variable of its process.
 */
@Component
public class TaskForms {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A name in a FEEL expression ({@code =...}) or a template ({@code {{...}}}). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The properties of a form-js component that name a variable (or, for a path, its first part). */
  private static final Set<String> NAMING = Set.of("key", "valuesKey", "path", "dataSource",
      "source");

  private final CommandExecutor commands;
  /**
   * How long a task's {@code latest} form stays the one served before the engine is asked again:
   * a form deployed by another node (a new release starting) is served here within this time.
   */
  static final Duration LATEST_FOR = Duration.ofSeconds(60);
  private static final Duration FOREVER = Duration.ofDays(3650);

  private final Map<String, TaskForm> byDefinitionId = new ConcurrentHashMap<>();
  /** process definition id # task definition key → its form as last resolved. */
  private final Map<String, Resolved> byTask = new ConcurrentHashMap<>();

  TaskForms(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /**
   * A deployed form: its definition's id (which names this exact text), the form as deployed (in
   * English: translation is the language filter's) and the variables it reads.
   */
  public record TaskForm(String id, byte[] json, Set<String> variableNames) {}

  /**
   * The form of {@code task}; empty if it has none, or one this cannot resolve the way the engine
   * does (a form key, an expression, a pinned version), which the engine then answers itself.
   * The caller has already shown that the task is theirs to see.
   */
  public Optional<TaskForm> of(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return Optional.empty();
    }
    String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    Resolved known = byTask.get(key);
    if (known == null || System.nanoTime() - known.until() > 0) {
      known = commands.execute(context -> context.runWithoutAuthorization(
          () -> resolve(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey())));
      byTask.put(key, known);
    }
    return Optional.ofNullable(known.form());
  }

  /** A task's form as resolved, until when ({@link System#nanoTime()}); none if not resolvable. */
  private record Resolved(TaskForm form, long until) {

    /** Asked again after {@link #LATEST_FOR}: the latest form, or none resolved yet. */
    static Resolved forNow(TaskForm form) {
      return new Resolved(form, System.nanoTime() + LATEST_FOR.toNanos());
    }

    /** A form bound to the task's own deployment, which never changes. */
    static Resolved forGood(TaskForm form) {
      return new Resolved(form, System.nanoTime() + FOREVER.toNanos());
    }
  }

  private Resolved resolve(CommandContext context, String processDefinitionId, String taskKey) {
    ProcessDefinitionEntity process = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    TaskDefinition taskDefinition = process.getTaskDefinitions().get(taskKey);
    if (taskDefinition == null) {
      return Resolved.forNow(null);
    }
    FormDefinition reference = taskDefinition.getFormDefinition();
    Expression key = reference.getCamundaFormDefinitionKey();
    String binding = reference.getCamundaFormDefinitionBinding();
    if (reference.getFormKey() != null || key == null || !key.isLiteralText()) {
      return Resolved.forNow(null);
    }
    CamundaFormDefinitionEntity definition;
    if (DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(binding)) {
      definition = context.getCamundaFormDefinitionManager()
          .findLatestDefinitionByKey(key.getExpressionText());
    } else if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(binding)) {
      definition = context.getCamundaFormDefinitionManager()
          .findDefinitionByDeploymentAndKey(process.getDeploymentId(), key.getExpressionText());
    } else {
      return Resolved.forNow(null);
    }
    if (definition == null) {
      return Resolved.forNow(null);
    }
    TaskForm form = byDefinitionId.get(definition.getId());
    if (form == null) {
      form = read(context, definition);
    }
    return form != null && DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(binding)
        ? Resolved.forGood(form) : Resolved.forNow(form);
  }

  private TaskForm read(CommandContext context, CamundaFormDefinitionEntity definition) {
    ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
        definition.getDeploymentId(), definition.getResourceName());
    if (resource == null) {
      return null;
    }
    TaskForm read = new TaskForm(definition.getId(), resource.getBytes(),
        variableNames(resource.getBytes()));
    byDefinitionId.putIfAbsent(read.id(), read);
    return read;
  }

  /** Every variable a form-js schema reads: a superset, never less. */
  public static Set<String> variableNames(byte[] schema) {
    Set<String> names = new TreeSet<>();
    try {
      collect(JSON.readTree(schema), null, names);
    } catch (IOException notJson) {
      throw new UncheckedIOException("A deployed form is not JSON", notJson);
    }
    return Set.copyOf(names);
  }

  private static void collect(JsonNode node, String property, Set<String> names) {
    if (node.isObject()) {
      node.properties().forEach(entry -> collect(entry.getValue(), entry.getKey(), names));
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, property, names));
    } else if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("=") || text.contains("{{")) {
        Matcher name = NAME.matcher(text);
        while (name.find()) {
          names.add(name.group());
        }
      } else if (NAMING.contains(property)) {
        String first = text.split("\\.", 2)[0].trim();
        if (!first.isEmpty()) {
          names.add(first);
        }
      }
    }
  }
}
