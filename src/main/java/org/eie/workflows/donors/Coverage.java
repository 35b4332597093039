package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.util.List;

/**
 * An appeal's funding coverage, as OCHA's Financial Tracking Service reports it: funded /
 * required.
 *
 * <p><b>Funded = committed + paid.</b> A pledge is an announcement and may never be signed; a
 * commitment is a signed agreement and counts as funding (FTS counts commitments and paid
 * contributions, and lists pledges apart). Pledges are reported beside it, never in it.
 *
 * @param requiredUsd          the appeal's total requirement; null while it has none
 * @param fundedUsd            committed + paid
 * @param pledgedUsd           announced, not yet committed
 * @param coveragePercent      funded / required x 100, one decimal; null without requirement
 * @param unearmarkedFundedUsd funded but not earmarked for an activity (counts only overall)
 * @param byActivity           per activity of the appeal, and any earmark outside them
 * @param damaged              the appeal's stored variables that could not be read for the
 *                             requirement (its figures are then null), empty when all could
 */
public record Coverage(String appealId, BigDecimal requiredUsd, BigDecimal fundedUsd,
    BigDecimal committedUsd, BigDecimal paidUsd, BigDecimal pledgedUsd,
    BigDecimal coveragePercent, BigDecimal unearmarkedFundedUsd,
    List<ActivityCoverage> byActivity, List<String> damaged) {

  /** @param requiredUsd null for an earmark that is not (or no longer) an activity of the appeal */
  public record ActivityCoverage(String activity, BigDecimal requiredUsd, BigDecimal fundedUsd,
      BigDecimal pledgedUsd, BigDecimal coveragePercent) {
  }
}
