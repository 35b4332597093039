package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.CONSOLIDATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.eie.workflows.donors.AppealRequirements;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * The appeal's side of {@link AppealRequirements}: reads an appeal's requirements from its
 * {@code consolidation}, the JSON variable the appeal's consolidation step writes
 * ({@link ConsolidateRequirements}), so the donors' side and the dashboard know the figures and
 * not the variable: {@code totalUsd} and
 * {@code byActivity: [{"key": activity, "amountUsd": USD}, ...]}. Read from the history, so it
 * works during and after the appeal; called from a request the engine's authorization and tenant
 * checks apply, so a co-lead of another country reads nothing.
 *
 * <p>No other variable is read for these figures: the appeal writes none, and a variable any
 * client could add (such as a loose {@code totalRequirement}) must not change an appeal's
 * coverage. A consolidation that is not JSON, or not of this shape, gives requirements without
 * figures that name it as damaged, never a failed read.
 */
@Component
class HistoricAppealRequirements implements AppealRequirements {

  private final HistoryService history;

  HistoricAppealRequirements(HistoryService history) {
    this.history = history;
  }

  @Override
  public Map<String, Requirements> of(Collection<String> appealIds) {
    Map<String, Requirements> requirements = new HashMap<>();
    StoredVariables.of(history, appealIds, CONSOLIDATION).forEach((id, variables) -> {
      Requirements read = variables.json(CONSOLIDATION, HistoricAppealRequirements::requirements);
      if (read != null) {
        requirements.put(id, read);
      } else if (!variables.damaged().isEmpty()) {
        requirements.put(id, new Requirements(null, Map.of(), variables.damaged()));
      }
    });
    return requirements;
  }

  private static Requirements requirements(JsonNode consolidation) {
    if (!consolidation.isObject()) {
      return StoredVariables.fail();
    }
    if (consolidation.path("totalUsd").isNull() || consolidation.path("totalUsd").isMissingNode()) {
      return null; // consolidated without figures: none yet
    }
    Map<String, BigDecimal> activities = new LinkedHashMap<>();
    JsonNode lines = consolidation.path("byActivity");
    if (!lines.isArray() && !lines.isMissingNode()) {
      return StoredVariables.fail();
    }
    for (JsonNode line : lines) {
      activities.put(text(line.path("key")), usd(line.path("amountUsd")));
    }
    return new Requirements(usd(consolidation.get("totalUsd")), activities);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : StoredVariables.fail();
  }

  private static BigDecimal usd(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : StoredVariables.fail();
  }
}
