package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Amounts on the dashboard's pages: whole dollars as they are, cents never rounded away. */
@Tag("fast")
class AmountsKeepTheirCentsTest {

  @Test
  void anAmountWithCentsShowsThem() {
    var english = new DashboardPages.Formats(null, Locale.ENGLISH);
    assertThat(english.usd(new BigDecimal("250000.50"))).isEqualTo("250,000.50 USD");
    assertThat(english.usd(new BigDecimal("250000.5"))).isEqualTo("250,000.50 USD");
    assertThat(english.usd(new BigDecimal("0.07"))).isEqualTo("0.07 USD");
    assertThat(english.usd(new BigDecimal("1000000"))).isEqualTo("1,000,000 USD");
    assertThat(english.usd(new BigDecimal("1000000.00"))).isEqualTo("1,000,000 USD");
    assertThat(new DashboardPages.Formats(null, Locale.FRENCH).usd(new BigDecimal("250000.50")))
        .matches("250\\h000,50 USD");
  }
}
