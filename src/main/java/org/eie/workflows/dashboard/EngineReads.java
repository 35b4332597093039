package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine's history as the current caller (the engine's authorization and tenant
 * checks apply to every query), in bulk: one query per kind of fact for a whole list, not one
 * per process instance. JSON variables are read in their serialised form, so the read side
 * needs none of the processes' classes.
 */
@Component
class EngineReads {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Activities a reader calls a stage; gateways, events and scopes are not. */
  private static final Set<String> STAGE_TYPES = Set.of("userTask", "callActivity",
      "serviceTask", "businessRuleTask", "sendTask", "receiveTask", "intermediateTimer");
  private static final int CHUNK = 500;

  private final HistoryService history;
  private final StepNames steps;

  EngineReads(HistoryService history, StepNames steps) {
    this.history = history;
    this.steps = steps;
  }

  /** The engine's clock, which tests move. */
  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * The named variables of each process instance (process scope wins over a local variable of
   * the same name): instance id -> name -> value; JSON objects as their JSON text.
   */
  Map<String, Map<String, Object>> variables(Collection<String> instanceIds, String... names) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(instanceIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<HistoricVariableInstance> rows = history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new)).variableNameIn(names)
          .disableCustomObjectDeserialization().list();
      for (HistoricVariableInstance row : rows) {
        Object value = plain(row.getTypedValue());
        if (value == null) {
          continue;
        }
        Map<String, Object> ofInstance = values.computeIfAbsent(row.getProcessInstanceId(),
            id -> new HashMap<>());
        boolean processScope = row.getProcessInstanceId().equals(row.getActivityInstanceId());
        if (processScope || !ofInstance.containsKey(row.getName())) {
          ofInstance.put(row.getName(), value);
        }
      }
    }
    return values;
  }

  /** The names of the steps a process instance is at now, in the order they began. */
  List<String> stage(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .unfinished().orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .filter(activity -> STAGE_TYPES.contains(activity.getActivityType()))
        .map(activity -> activity.getActivityName() == null ? activity.getActivityId()
            : activity.getActivityName())
        .distinct().toList();
  }

  /**
   * The open human tasks of many process instances at once, found by their business keys (a
   * process and the sub-processes it calls share it): root process instance id -> task names,
   * in the order they opened.
   */
  /** The task's step as the diagram names it. */
  String stepName(org.camunda.bpm.engine.history.HistoricTaskInstance task) {
    return steps.of(task);
  }

  Map<String, List<String>> openTasks(Collection<String> keys) {
    Map<String, List<String>> names = new HashMap<>();
    List<String> all = keys.stream().filter(java.util.Objects::nonNull).distinct().toList();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      history.createHistoricTaskInstanceQuery().unfinished()
          .processInstanceBusinessKeyIn(chunk.toArray(String[]::new))
          .orderByHistoricActivityInstanceStartTime().asc().list()
          .forEach(task -> {
            List<String> of = names.computeIfAbsent(task.getRootProcessInstanceId(),
                key -> new ArrayList<>());
            String step = steps.of(task);
            if (!of.contains(step)) {
              of.add(step);
            }
          });
    }
    return names;
  }

  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  static JsonNode json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readTree(value.toString());
    } catch (IOException e) {
      return null; // not JSON we can read: shown as absent rather than wrong
    }
  }

  static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
  }

  private static Object plain(TypedValue value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value == null ? null : value.getValue();
  }
}
