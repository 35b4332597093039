package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What an appeal requires, in USD, overall and by activity: the denominator of its funding
 * coverage. The appeal process owns these figures; this interface is the one place the donors'
 * side reads them.
 */
public interface AppealRequirements {

  /** The appeal's consolidated requirements, or empty while the appeal has none (yet). */
  Optional<Requirements> of(String appealId);

  /**
   * @param totalUsd      the appeal's total requirement
   * @param byActivityUsd requirement per activity (activity name -> USD), in the appeal's order
   */
  record Requirements(BigDecimal totalUsd, Map<String, BigDecimal> byActivityUsd) {
  }
}
