package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the dashboard and the read API show of the donors' side of an appeal: its pledges' totals
 * and the delivery of each version to each donor. The tables stay the donors' own. No check of
 * who asks: the caller reads only appeals the engine let it see.
 */
@Component
public class DonorReads {

  private final PledgeBook pledges;
  private final DeliveryLedger ledger;

  DonorReads(PledgeBook pledges, DeliveryLedger ledger) {
    this.pledges = pledges;
    this.ledger = ledger;
  }

  /**
   * @param fundedUsd  committed + paid
   * @param pledgedUsd announced, not yet signed
   */
  public record PledgeTotals(BigDecimal fundedUsd, BigDecimal pledgedUsd) {
    public static final PledgeTotals NONE = new PledgeTotals(BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** One donor's copy of one version, as the donor's organisation is named. */
  public record DonorDelivery(String donor, int documentVersion, String status,
      String statusDetail, int attempts, Instant sentAt, Instant updatedAt) {
  }

  /** The pledges' totals of many appeals, summed by the database: those with pledges only. */
  public Map<String, PledgeTotals> pledgeTotals(Collection<String> appealIds) {
    return pledges.totalsByAppeal(appealIds);
  }

  /** Every delivery of an appeal, by version, then by the donor's organisation. */
  public List<DonorDelivery> deliveries(String appealId) {
    return ledger.deliveriesByDonor(appealId);
  }
}
