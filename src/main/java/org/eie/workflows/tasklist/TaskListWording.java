package org.eie.workflows.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eie.workflows.identity.TaskListColumns;
import org.eie.workflows.language.Languages;
import org.eie.workflows.tasklist.TaskHeadingStore.Heading;
import org.springframework.stereotype.Component;

/**
 * Tasks and ready-made filters in the reader's language, as the engine API answers them (a task,
 * a list of tasks, a filter's list in HAL, the list of filters): a task's name and description
 * become its heading in that language ({@link TaskHeadings} kept it when the task was created), a
 * filter's name, description and column labels its words in {@code tasklist/messages*.properties}
 * (the filter names them in its {@link TaskListColumns#FILTER_WORDING} property), a process
 * definition's name the dashboard's name of the process. What has no
 * translation stays as the engine has it: English, as everything the engine keeps.
 *
 * <p>Why on the way out rather than in the engine: the engine keeps one name per task, seen by
 * every reader, and Tasklist shows that name; each reader's language is known only per request.
 */
@Component
public class TaskListWording {

  /** The dashboard's names of our processes, in every language: Tasklist shows the same. */
  private static final String PROCESS_NAMES = "templates/dashboard/messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final TaskHeadingStore headings;

  TaskListWording(TaskHeadingStore headings) {
    this.headings = headings;
  }

  /**
   * Rewrites in place the tasks and our filters in {@code answer} into {@code language};
   * whether anything was rewritten.
   */
  public boolean translate(JsonNode answer, String language) {
    if (Languages.ours(language) == null || Languages.ENGLISH.equals(language)) {
      return false;
    }
    List<ObjectNode> tasks = new ArrayList<>();
    List<ObjectNode> filters = new ArrayList<>();
    List<ObjectNode> processes = new ArrayList<>();
    collect(answer, tasks, filters, processes);
    boolean changed = false;
    if (!tasks.isEmpty()) {
      Map<String, ObjectNode> byId = new HashMap<>();
      tasks.forEach(task -> byId.put(task.path("id").asText(), task));
      for (Map.Entry<String, Heading> found : headings.in(language, byId.keySet()).entrySet()) {
        ObjectNode task = byId.get(found.getKey());
        task.put("name", found.getValue().name());
        if (found.getValue().description() != null) {
          task.put("description", found.getValue().description());
        }
        changed = true;
      }
    }
    for (ObjectNode filter : filters) {
      changed |= translateFilter(filter, language);
    }
    for (ObjectNode process : processes) {
      String name = processName(process.path("key").asText(), language);
      if (name != null) {
        process.put("name", name);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * A task, a filter, a process definition, or a HAL answer embedding tasks and their process
   * definitions (a filter's list, a task's page).
   */
  private static void collect(JsonNode node, List<ObjectNode> tasks, List<ObjectNode> filters,
      List<ObjectNode> processes) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, tasks, filters, processes));
    } else if (node instanceof ObjectNode object) {
      if (object.has("taskDefinitionKey") && object.path("id").isTextual()) {
        tasks.add(object);
      } else if (object.has("resourceType") && object.path("properties").isObject()) {
        filters.add(object);
      } else if (object.has("startableInTasklist") && object.path("key").isTextual()) {
        processes.add(object);
      }
      collect(object.path("_embedded").path("task"), tasks, filters, processes);
      // Embedded in HAL, a process definition has fewer fields (no startableInTasklist).
      for (JsonNode process : object.path("_embedded").path("processDefinition")) {
        if (process instanceof ObjectNode definition && definition.path("key").isTextual()) {
          processes.add(definition);
        }
      }
    }
  }

  /**
   * A task's name as Tasklist shows it to a reader of {@code language}: its heading in that
   * language, else the engine's (English) name. The task e-mails name it so.
   */
  public String taskName(String taskId, String englishName, String language) {
    if (Languages.ours(language) == null || Languages.ENGLISH.equals(language)) {
      return englishName;
    }
    Heading heading = headings.in(language, List.of(taskId)).get(taskId);
    return heading == null ? englishName : heading.name();
  }

  /** A process's name as the dashboard gives it in {@code language}, else {@code englishName}. */
  public String processName(String processKey, String englishName, String language) {
    String name = Languages.ENGLISH.equals(language) ? null : processName(processKey, language);
    return name == null ? englishName : name;
  }

  /** A process's name as the dashboard gives it in {@code language}, or null if none. */
  private static String processName(String processKey, String language) {
    try {
      return ResourceBundle.getBundle(PROCESS_NAMES, Locale.forLanguageTag(language), NO_FALLBACK)
          .getString("process." + processKey);
    } catch (MissingResourceException unnamed) {
      return null;
    }
  }

  private static boolean translateFilter(ObjectNode filter, String language) {
    ObjectNode properties = (ObjectNode) filter.path("properties");
    String wording = properties.path(TaskListColumns.FILTER_WORDING).asText("");
    if (wording.isBlank()) {
      return false;
    }
    Map<String, String> values = new HashMap<>();
    if (properties.path(TaskListColumns.FILTER_COUNTRY).isTextual()) {
      values.put("country", properties.path(TaskListColumns.FILTER_COUNTRY).asText());
    }
    String name = TaskHeadings.worded(language, wording + ".name", values);
    if (name != null) {
      filter.put("name", name);
    }
    String description = TaskHeadings.worded(language, wording + ".description", values);
    if (description != null) {
      properties.put("description", description);
    }
    for (JsonNode column : properties.path("variables")) {
      String label = TaskHeadings.wordingIn(language, "column." + column.path("name").asText());
      if (label != null && column instanceof ObjectNode shown) {
        shown.put("label", label);
      }
    }
    return true;
  }
}
