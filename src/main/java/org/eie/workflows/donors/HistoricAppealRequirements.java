package org.eie.workflows.donors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Reads an appeal's requirements from its process variables (history, so it works during and
 * after the appeal):
 * <ol>
 *   <li>{@code requirementsByActivity}: activity name -> USD, a JSON variable (Spin JSON, a
 *       JSON-serialised map object, or a JSON string), and {@code totalRequirement}: USD, a number
 *       or numeric string (when absent, the sum of the activities);</li>
 *   <li>failing both, the appeal's {@code consolidation} JSON object, if it has {@code totalUsd}
 *       and {@code byActivity: [{"key": activity, "amountUsd": USD}, ...]}.</li>
 * </ol>
 * Values are read in their serialised JSON form, so no appeal class is needed here.
 * Process-level variables win over task-local ones of the same name. Called from a REST request
 * the engine's authorization and tenant checks apply: a co-lead of another country reads nothing.
 */
@Component
class HistoricAppealRequirements implements AppealRequirements {

  static final String BY_ACTIVITY = "requirementsByActivity";
  static final String TOTAL = "totalRequirement";
  static final String CONSOLIDATION = "consolidation";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService history;

  HistoricAppealRequirements(HistoryService history) {
    this.history = history;
  }

  @Override
  public Optional<Requirements> of(String appealId) {
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(appealId).variableNameIn(BY_ACTIVITY, TOTAL, CONSOLIDATION)
        .disableCustomObjectDeserialization().list();
    Object byActivity = valueOf(variables, BY_ACTIVITY, appealId);
    Object total = valueOf(variables, TOTAL, appealId);
    if (byActivity == null && total == null) {
      return fromConsolidation(valueOf(variables, CONSOLIDATION, appealId));
    }
    Map<String, BigDecimal> activities = byActivity == null ? Map.of() : activities(byActivity);
    BigDecimal totalUsd = total != null ? new BigDecimal(total.toString().trim())
        : activities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(new Requirements(totalUsd, activities));
  }

  private static Optional<Requirements> fromConsolidation(Object consolidation) {
    if (consolidation == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(consolidation.toString());
      if (!node.hasNonNull("totalUsd")) {
        return Optional.empty();
      }
      Map<String, BigDecimal> activities = new LinkedHashMap<>();
      for (JsonNode line : node.path("byActivity")) {
        activities.put(line.path("key").asText(), line.path("amountUsd").decimalValue());
      }
      return Optional.of(new Requirements(node.get("totalUsd").decimalValue(), activities));
    } catch (IOException e) {
      return Optional.empty(); // not the JSON we know: no requirements rather than a wrong one
    }
  }

  private static Object valueOf(List<HistoricVariableInstance> variables, String name,
      String appealId) {
    return variables.stream().filter(variable -> variable.getName().equals(name))
        .sorted((a, b) -> Boolean.compare(!appealId.equals(a.getActivityInstanceId()),
            !appealId.equals(b.getActivityInstanceId())))
        .map(variable -> plain(variable.getTypedValue()))
        .filter(value -> value != null)
        .findFirst().orElse(null);
  }

  /** JSON objects in their serialised form; everything else as its value. */
  private static Object plain(TypedValue value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value == null ? null : value.getValue();
  }

  private static Map<String, BigDecimal> activities(Object value) {
    Map<String, BigDecimal> activities = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((activity, usd) -> activities.put(activity.toString(),
          new BigDecimal(usd.toString())));
      return activities;
    }
    try {
      // Spin's JsonValue and plain strings both print as JSON.
      activities.putAll(JSON.readValue(value.toString(),
          new TypeReference<LinkedHashMap<String, BigDecimal>>() { }));
      return activities;
    } catch (IOException e) {
      throw new IllegalStateException(BY_ACTIVITY + " is not a JSON map of activity to USD", e);
    }
  }
}
