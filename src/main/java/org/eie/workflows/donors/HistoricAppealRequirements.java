package org.eie.workflows.donors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Reads an appeal's requirements from its process variables (history, so it works during and
 * after the appeal):
 * <ul>
 *   <li>{@code requirementsByActivity}: activity name -> USD, as a JSON variable (Spin JSON, a
 *       JSON-serialised map object, or a JSON string);</li>
 *   <li>{@code totalRequirement}: USD, a number (or a numeric string); when absent, the sum of
 *       the activities.</li>
 * </ul>
 * Process-level variables win over task-local ones of the same name. Called from a REST request
 * the engine's authorization and tenant checks apply: a co-lead of another country reads nothing.
 */
@Component
class HistoricAppealRequirements implements AppealRequirements {

  static final String BY_ACTIVITY = "requirementsByActivity";
  static final String TOTAL = "totalRequirement";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService history;

  HistoricAppealRequirements(HistoryService history) {
    this.history = history;
  }

  @Override
  public Optional<Requirements> of(String appealId) {
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(appealId).variableNameIn(BY_ACTIVITY, TOTAL).list();
    Object byActivity = valueOf(variables, BY_ACTIVITY, appealId);
    Object total = valueOf(variables, TOTAL, appealId);
    if (byActivity == null && total == null) {
      return Optional.empty();
    }
    Map<String, BigDecimal> activities = byActivity == null ? Map.of() : activities(byActivity);
    BigDecimal totalUsd = total != null ? new BigDecimal(total.toString().trim())
        : activities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(new Requirements(totalUsd, activities));
  }

  private static Object valueOf(List<HistoricVariableInstance> variables, String name,
      String appealId) {
    return variables.stream().filter(variable -> variable.getName().equals(name))
        .sorted((a, b) -> Boolean.compare(!appealId.equals(a.getActivityInstanceId()),
            !appealId.equals(b.getActivityInstanceId())))
        .map(HistoricVariableInstance::getValue)
        .filter(value -> value != null)
        .findFirst().orElse(null);
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
    } catch (java.io.IOException e) {
      throw new IllegalStateException(BY_ACTIVITY + " is not a JSON map of activity to USD", e);
    }
  }
}
