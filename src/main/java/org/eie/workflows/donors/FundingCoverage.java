package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Funding coverage of an appeal from its pledges and requirements. {@link #coverageOf} is what
 * the appeal document prints in its next version.
 */
@Service
public class FundingCoverage {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final PledgeBook pledges;
  private final AppealRequirements requirements;

  FundingCoverage(PledgeBook pledges, AppealRequirements requirements) {
    this.pledges = pledges;
    this.requirements = requirements;
  }

  /** The coverage now; without a requirement (not yet consolidated) the percentages are null. */
  public Coverage coverageOf(String appealId) {
    return coverageOf(appealId, requirements.of(appealId), pledges.ofAppeal(appealId));
  }

  static Coverage coverageOf(String appealId,
      Optional<AppealRequirements.Requirements> requirements, List<Pledge> pledges) {
    BigDecimal committed = sum(pledges, Pledge.Status.COMMITTED, null, false);
    BigDecimal paid = sum(pledges, Pledge.Status.PAID, null, false);
    BigDecimal pledged = sum(pledges, Pledge.Status.PLEDGED, null, false);
    BigDecimal funded = committed.add(paid);
    BigDecimal unearmarked = pledges.stream()
        .filter(pledge -> pledge.status().funds() && pledge.activity() == null)
        .map(Pledge::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);

    Map<String, BigDecimal> required = new LinkedHashMap<>(
        requirements.map(AppealRequirements.Requirements::byActivityUsd).orElse(Map.of()));
    pledges.stream().map(Pledge::activity).filter(activity -> activity != null)
        .forEach(activity -> required.putIfAbsent(activity, null));
    List<Coverage.ActivityCoverage> byActivity = new ArrayList<>();
    required.forEach((activity, requiredUsd) -> {
      BigDecimal activityFunded = sum(pledges, Pledge.Status.COMMITTED, activity, true)
          .add(sum(pledges, Pledge.Status.PAID, activity, true));
      byActivity.add(new Coverage.ActivityCoverage(activity, requiredUsd, activityFunded,
          sum(pledges, Pledge.Status.PLEDGED, activity, true), percent(activityFunded,
              requiredUsd)));
    });
    BigDecimal total = requirements.map(AppealRequirements.Requirements::totalUsd).orElse(null);
    return new Coverage(appealId, total, funded, committed, paid, pledged, percent(funded, total),
        unearmarked, byActivity,
        requirements.map(AppealRequirements.Requirements::damaged).orElse(List.of()));
  }

  private static BigDecimal sum(List<Pledge> pledges, Pledge.Status status, String activity,
      boolean byActivity) {
    return pledges.stream()
        .filter(pledge -> pledge.status() == status)
        .filter(pledge -> !byActivity || activity.equals(pledge.activity()))
        .map(Pledge::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal percent(BigDecimal funded, BigDecimal required) {
    if (required == null || required.signum() <= 0) {
      return null;
    }
    return funded.multiply(HUNDRED).divide(required, 1, RoundingMode.HALF_UP);
  }
}
