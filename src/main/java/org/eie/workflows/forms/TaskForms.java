package org.eie.workflows.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form an open task shows, as the engine would find it for the task's
 * {@code deployed-form} (a {@code camunda:formRef} with a literal key, and version if it has
 * one, in any binding), kept per node once read: a deployed form never changes (a new version is a
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
  /** A form-js component's properties that name a variable (for a path, by its first part). */
  private static final Set<String> NAMING = Set.of("key", "valuesKey", "path", "dataSource",
      "source");
  /**
   * How long a {@code latest} form reference stays resolved before the engine is asked again: a
   * form deployed by another node (a new release starting) is served here within this time.
   */
  static final Duration LATEST_FOR = Duration.ofSeconds(60);

  /**
   * What each engine has read (the engine's own command, {@link #in}, has no bean to hold it): one
   * engine per node, but tests run several in one JVM, each on its own database.
   */
  private static final Map<ProcessEngineConfiguration, Read> READ =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * One engine's forms, by their definition's id (a deployed form never changes), and its form
   * references resolved, by {@link #referenceOf}.
   */
  private record Read(Map<String, TaskForm> forms, Map<String, Resolved> references) {

    static Read by(ProcessEngineConfiguration engine) {
      return READ.computeIfAbsent(engine,
          any -> new Read(new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
    }
  }

  /** Each task's form reference (process definition id # task key): it never changes. */
  private final Map<String, Optional<Reference>> byTask = new ConcurrentHashMap<>();

  private final CommandExecutor commands;
  private final Read read;

  TaskForms(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    this.read = Read.by(configuration);
  }

  /**
   * A deployed form: its definition's id (which names this exact text), the form as deployed (in
   * English: translation is the language filter's), the variables it reads and the fields it
   * submits.
   */
  public record TaskForm(String id, byte[] json, Set<String> variableNames, Set<String> fields) {}

  /** A task's form reference, and its process's deployment (for binding {@code deployment}). */
  private record Reference(CamundaFormRef form, String deploymentId) {}

  /**
   * A form reference's form (none if not found) and when it was resolved
   * ({@link System#nanoTime()}); a {@code latest} reference, or one not found, for
   * {@link #LATEST_FOR}, any other for good.
   */
  private record Resolved(TaskForm form, long at, boolean forGood) {

    boolean fresh() {
      return forGood || System.nanoTime() - at < LATEST_FOR.toNanos();
    }
  }

  /**
   * The form of {@code task}; empty if it has none, or one the engine would resolve otherwise (a
   * form key, or a reference with an expression), which the engine then answers itself. The
   * caller has already shown that the task is theirs to see.
   */
  public Optional<TaskForm> of(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return Optional.empty();
    }
    String taskKey = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    Optional<Reference> reference = byTask.get(taskKey);
    if (reference != null && reference.isEmpty()) {
      return Optional.empty();
    }
    Resolved known = reference == null ? null
        : read.references().get(referenceOf(reference.get()));
    if (known != null && known.fresh()) {
      return Optional.ofNullable(known.form());
    }
    return commands.execute(context -> context.runWithoutAuthorization(() -> {
      Optional<Reference> found = byTask.computeIfAbsent(taskKey,
          key -> referenceOf(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
      return found.flatMap(form -> in(context, form.form(), form.deploymentId()));
    }));
  }

  /**
   * The form a Camunda Form reference names, as the engine resolves it, within a running engine
   * command: read once per node, the {@code latest} reference asked again after
   * {@link #LATEST_FOR}.
   */
  static Optional<TaskForm> in(CommandContext context, CamundaFormRef form,
      String deploymentId) {
    Read read = Read.by(context.getProcessEngineConfiguration());
    String key = referenceOf(new Reference(form, deploymentId));
    Resolved known = read.references().get(key);
    if (known == null || !known.fresh()) {
      long now = System.nanoTime();
      CamundaFormDefinition definition = context.runWithoutAuthorization(
          new GetCamundaFormDefinitionCmd(form, deploymentId));
      TaskForm found = definition == null ? null : read.forms().computeIfAbsent(
          definition.getId(), id -> read(context, definition));
      known = new Resolved(found, now, found != null
          && !DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(form.getBinding()));
      read.references().put(key, known);
    }
    return Optional.ofNullable(known.form());
  }

  /** What a reference resolves by: the key, and the deployment or version where they count. */
  private static String referenceOf(Reference reference) {
    CamundaFormRef form = reference.form();
    return switch (form.getBinding()) {
      case DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT ->
          form.getKey() + "@" + reference.deploymentId();
      case DefaultFormHandler.FORM_REF_BINDING_VERSION -> form.getKey() + ":" + form.getVersion();
      default -> form.getKey();
    };
  }

  /** The task's literal form reference in its process definition; none for anything else. */
  private static Optional<Reference> referenceOf(CommandContext context,
      String processDefinitionId, String taskKey) {
    ProcessDefinitionEntity process = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    TaskDefinition task = process.getTaskDefinitions().get(taskKey);
    if (task == null) {
      return Optional.empty();
    }
    FormDefinition definition = task.getFormDefinition();
    Expression key = definition.getCamundaFormDefinitionKey();
    Expression version = definition.getCamundaFormDefinitionVersion();
    if (definition.getFormKey() != null || key == null || !key.isLiteralText()
        || (version != null && !version.isLiteralText())) {
      return Optional.empty();
    }
    var form = new CamundaFormRefImpl(key.getExpressionText(),
        definition.getCamundaFormDefinitionBinding());
    if (version != null) {
      form.setVersion(Integer.valueOf(version.getExpressionText()));
    }
    return Optional.of(new Reference(form, process.getDeploymentId()));
  }

  private static TaskForm read(CommandContext context, CamundaFormDefinition definition) {
    ResourceEntity resource = context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
            definition.getResourceName());
    if (resource == null) {
      return null;
    }
    byte[] json = resource.getBytes();
    return new TaskForm(definition.getId(), json, variableNames(json), fieldsOf(json));
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

  /**
   * The top-level names a Camunda Form (form-js schema) submits: each data field's key (the first
   * part of a dotted key), a group's or dynamic list's path; buttons submit nothing.
   */
  static Set<String> fieldsOf(byte[] schema) {
    try {
      Set<String> keys = new HashSet<>();
      collectFields(JSON.readTree(schema).path("components"), keys);
      return Set.copyOf(keys);
    } catch (IOException e) {
      throw new IllegalStateException("A deployed form is not valid JSON", e);
    }
  }

  private static void collectFields(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText().split("\\.")[0]);
      } else if (component.hasNonNull("key") && !"button".equals(component.path("type").asText())) {
        keys.add(component.get("key").asText().split("\\.")[0]);
      } else {
        collectFields(component.path("components"), keys);
      }
    }
  }
}
