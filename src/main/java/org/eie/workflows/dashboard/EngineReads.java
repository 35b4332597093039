package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine's history as the current caller (the engine's authorization and tenant
 * checks apply to every query), in bulk: one query per kind of fact for a whole list, not one
 * per process instance. Variables are read through {@link StoredVariables}: a damaged one reads
 * as absent and is named, never a failed read.
 */
@Component
class EngineReads {

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
   * The named variables of each process instance, read defensively (a damaged value reads as
   * absent and is named): instance id -> its variables, every id present.
   */
  Map<String, StoredVariables> variables(Collection<String> instanceIds, String... names) {
    return StoredVariables.of(history, instanceIds, names);
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

  static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
  }
}
