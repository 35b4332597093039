package org.eie.workflows.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.identity.TaskListColumns;
import org.eie.workflows.language.Languages;
import org.eie.workflows.tasklist.TaskHeadingStore.Heading;
import org.springframework.stereotype.Component;

/**
 * Tasks and ready-made filters in the reader's language, as the engine API answers them (a task,
 * a list of tasks, a filter's list in HAL, the list of filters): a task's name and description
 * become its heading in that language ({@link TaskHeadings} kept it when the task was created), a
 * filter's name, description and column labels its words in {@code tasklist/messages*.properties}
 * (the filter names them in its {@link TaskListColumns#FILTER_WORDING} property). What has no
 * translation stays as the engine has it: English, as everything the engine keeps.
 *
 * <p>Why on the way out rather than in the engine: the engine keeps one name per task, seen by
 * every reader, and Tasklist shows that name; each reader's language is known only per request.
 */
@Component
public class TaskListWording {

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
    collect(answer, tasks, filters);
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
    return changed;
  }

  private static void collect(JsonNode node, List<ObjectNode> tasks, List<ObjectNode> filters) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, tasks, filters));
    } else if (node instanceof ObjectNode object) {
      if (object.has("taskDefinitionKey") && object.path("id").isTextual()) {
        tasks.add(object);
      } else if (object.has("resourceType") && object.path("properties").isObject()) {
        filters.add(object);
      } else if (object.path("_embedded").path("task").isArray()) {
        collect(object.path("_embedded").path("task"), tasks, filters);
      }
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
