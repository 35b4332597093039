package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The coverage arithmetic alone, without engine or database. */
@Tag("fast")
class FundingCoverageTest {

  @Test
  void pledgedMoneyIsReportedButNotCountedAsFunding() {
    var byActivity = new LinkedHashMap<String, BigDecimal>();
    byActivity.put("School repair", new BigDecimal("300"));
    var requirements = Optional.of(new AppealRequirements.Requirements(new BigDecimal("300"),
        byActivity));
    var coverage = FundingCoverage.coverageOf("appeal-1", requirements, List.of(
        pledge("School repair", "100", Pledge.Status.PLEDGED),
        pledge("School repair", "50", Pledge.Status.COMMITTED),
        pledge("Old activity", "25", Pledge.Status.PAID)));

    // funded = 50 + 25 = 75 of 300 = 25.0 %
    assertThat(coverage.fundedUsd()).isEqualByComparingTo("75");
    assertThat(coverage.pledgedUsd()).isEqualByComparingTo("100");
    assertThat(coverage.coveragePercent()).isEqualByComparingTo("25.0");
    assertThat(coverage.byActivity()).hasSize(2);
    assertThat(coverage.byActivity().get(0).coveragePercent()).isEqualByComparingTo("16.7");
    // An earmark outside the appeal's activities is shown, without a requirement.
    assertThat(coverage.byActivity().get(1).activity()).isEqualTo("Old activity");
    assertThat(coverage.byActivity().get(1).requiredUsd()).isNull();
    assertThat(coverage.byActivity().get(1).coveragePercent()).isNull();
  }

  @Test
  void withoutRequirementsThereIsNoPercentage() {
    var coverage = FundingCoverage.coverageOf("appeal-2", Optional.empty(),
        List.of(pledge(null, "10", Pledge.Status.PAID)));
    assertThat(coverage.requiredUsd()).isNull();
    assertThat(coverage.coveragePercent()).isNull();
    assertThat(coverage.unearmarkedFundedUsd()).isEqualByComparingTo("10");
  }

  private static Pledge pledge(String activity, String amount, Pledge.Status status) {
    return new Pledge("p", "d", "Donor", "appeal", activity, new BigDecimal(amount),
        LocalDate.now(), status, "secretariat", Instant.now(), Instant.now());
  }
}
