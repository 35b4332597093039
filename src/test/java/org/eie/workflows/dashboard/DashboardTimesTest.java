package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dashboard's times are on the 24-hour clock in each of its languages. */
@Tag("fast")
class DashboardTimesTest {

  @Test
  void anEveningReadsEighteenHundred() {
    Instant evening = Instant.parse("2026-11-20T18:08:00Z");
    assertThat(new DashboardPages.Formats(null, Locale.ENGLISH).dateTime(evening))
        .endsWith(" 18:08 UTC").doesNotContain("PM");
    assertThat(new DashboardPages.Formats(null, Locale.FRENCH).dateTime(evening))
        .endsWith(" 18:08 UTC");
  }
}
