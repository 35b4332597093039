package org.eie.workflows.tasklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eie.workflows.forms.EveryUserTask;
import org.eie.workflows.identity.TaskListColumns;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.language.Languages;
import org.eie.workflows.tasklist.TaskHeadingStore.Heading;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names and describes every user task with its context when it is created ("Vet: Temporary
 * learning spaces in Burj Hammoud — Lebanese Education Association"), so that two appeals' or two
 * projects' tasks can be told apart in Tasklist's list. The BPMN keeps its short names for
 * Cockpit's diagrams; the wording lives in {@code tasklist/messages.properties}, looked up as
 * {@code <process>.<task>.name}, then {@code <process>.name} ({@code {taskName}} is the BPMN
 * name). It also keeps the country and the emergency as process variables, which the ready-made
 * filters show as columns.
 *
 * <p>The engine keeps the English heading; the heading in each other language is kept beside it
 * ({@link TaskHeadingStore}) and shown to those who read that language ({@link TaskListWording}),
 * until the task is completed or deleted.
 *
 * <p>It runs after the task's own create listeners, which may prepare what it reads.
 */
@Component
public class TaskHeadings extends AbstractProcessEnginePlugin implements TaskListener {

  static final String BUNDLE = "tasklist/messages";
  /** The process variables the task list shows beside each task (identity/TaskListColumns). */
  static final Map<String, String> LIST_VARIABLES = Map.of(
      TaskContext.COUNTRY, TaskListColumns.COUNTRY,
      TaskContext.EMERGENCY, TaskListColumns.EMERGENCY);

  /** The lengths of Camunda's task name and description columns. */
  static final int NAME_LENGTH = 255;
  static final int DESCRIPTION_LENGTH = 4000;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private final ObjectProvider<TaskContext> contexts;
  private final EieProperties properties;
  private final TaskHeadingStore headings;

  TaskHeadings(ObjectProvider<TaskContext> contexts, EieProperties properties,
      TaskHeadingStore headings) {
    this.contexts = contexts;
    this.properties = properties;
    this.headings = headings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, this);
    EveryUserTask.afterItsOwnListeners(configuration, (element, definition) -> {
      definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, this);
      definition.addTaskListener(TaskListener.EVENTNAME_DELETE, this);
    });
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      name(task);
    } else {
      headings.forget(task.getId());
    }
  }

  private void name(DelegateTask task) {
    String processKey = processKey(task);
    if (processKey == null) {
      return;
    }
    TaskContext context = contexts.orderedStream()
        .filter(c -> c.processKeys().contains(processKey)).findFirst().orElse(null);
    if (context == null) {
      return;
    }
    Map<String, String> values = new HashMap<>(context.of(task));
    values.computeIfPresent(TaskContext.COUNTRY,
        (key, code) -> properties.countries().getOrDefault(code, code));
    values.put("taskName", task.getName());
    String key = processKey + "." + task.getTaskDefinitionKey();
    String[] nameKeys = {key + ".name", processKey + ".name"};
    String[] descriptionKeys = {key + ".description", processKey + ".description"};
    Map<String, Heading> translated = new LinkedHashMap<>();
    for (String language : Languages.CODES) {
      if (Languages.ENGLISH.equals(language)) {
        continue;
      }
      Map<String, String> theirs = new HashMap<>(values);
      theirs.putAll(context.inLanguage(task, language));
      String name = wordingIn(language, nameKeys);
      String description = wordingIn(language, descriptionKeys);
      String shownName = name == null ? task.getName()
          : shortened(fill(name, theirs), NAME_LENGTH);
      if (shownName != null) {
        translated.put(language, new Heading(shownName, description == null
            ? task.getDescription() : shortened(fill(description, theirs), DESCRIPTION_LENGTH)));
      }
    }
    String name = wording(nameKeys);
    if (name != null) {
      task.setName(shortened(fill(name, values), NAME_LENGTH));
    }
    String description = wording(descriptionKeys);
    if (description != null) {
      task.setDescription(shortened(fill(description, values), DESCRIPTION_LENGTH));
    }
    headings.keep(task.getId(), translated);
    LIST_VARIABLES.forEach((value, variable) -> {
      String shown = values.get(value);
      var instance = task.getExecution().getProcessInstance();
      if (shown != null && !shown.equals(instance.getVariable(variable))) {
        instance.setVariable(variable, shown);
      }
    });
  }

  static String shortened(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static String processKey(DelegateTask task) {
    String definitionId = task.getProcessDefinitionId();
    return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
  }

  static String wording(String... keys) {
    return wordingIn(Languages.ENGLISH, keys);
  }

  /** The first of {@code keys} worded in {@code language} (else in English), or null. */
  static String wordingIn(String language, String... keys) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    for (String key : keys) {
      try {
        return bundle.getString(key);
      } catch (MissingResourceException notWorded) {
        // the next, more general key
      }
    }
    return null;
  }

  /** The wording of a key with its values filled in, or null when the key has none. */
  public static String worded(String key, Map<String, String> values) {
    return worded(Languages.ENGLISH, key, values);
  }

  /** The wording of a key in {@code language} with its values filled in, or null. */
  public static String worded(String language, String key, Map<String, String> values) {
    String wording = wordingIn(language, key);
    return wording == null ? null : fill(wording, values);
  }

  /**
   * The wording with each {@code {name}} replaced by its value; a missing value leaves nothing,
   * and separators left dangling by it (", " or " — " at the end) go too.
   */
  static String fill(String wording, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(wording);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(filled);
    return filled.toString().replaceAll("\\(\\s*\\)", "")
        .replaceAll("([:,])\\s*,", "$1").replaceAll("\\s*[,:—-]\\s*\\(", " (")
        .replaceAll("(\\s*[,:—-]\\s*)+$", "").strip();
  }
}
