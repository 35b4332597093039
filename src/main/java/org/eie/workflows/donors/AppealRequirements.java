package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an appeal requires, in USD, overall and by activity: the denominator of its funding
 * coverage. The appeal process owns these figures; this interface is the one place the donors'
 * side and the dashboard read them.
 */
public interface AppealRequirements {

  /**
   * The appeal's consolidated requirements, or empty while the appeal has none (yet); a stored
   * value that cannot be read gives requirements without figures that name it as damaged.
   */
  default Optional<Requirements> of(String appealId) {
    return Optional.ofNullable(of(List.of(appealId)).get(appealId));
  }

  /** The requirements of many appeals at once: appeal id -> requirements, for those that have any. */
  Map<String, Requirements> of(Collection<String> appealIds);

  /**
   * @param totalUsd      the appeal's total requirement; null if it could not be read
   * @param byActivityUsd requirement per activity (activity name -> USD), in the appeal's order
   * @param damaged       the stored variables that could not be read (wrong type, not JSON, JSON
   *                      of the wrong shape)
   */
  record Requirements(BigDecimal totalUsd, Map<String, BigDecimal> byActivityUsd,
      List<String> damaged) {

    public Requirements(BigDecimal totalUsd, Map<String, BigDecimal> byActivityUsd) {
      this(totalUsd, byActivityUsd, List.of());
    }
  }
}
