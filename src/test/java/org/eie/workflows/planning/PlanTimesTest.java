package org.eie.workflows.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The plan prints the approvals' times on the 24-hour clock, as the README promises. */
@Tag("fast")
class PlanTimesTest {

  @Test
  @SuppressWarnings("unchecked")
  void approvalsAreTimedOnTheTwentyFourHourClock() {
    for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      var approvals = (List<Map<String, Object>>) new PlanDocument(null)
          .model(PlanDocumentTest.CONTENT, language).get("approvals");
      // Approved at 11:00 and 08:30 UTC; in English the JDK's style wrote "11:00 AM".
      assertThat(approvals).extracting(a -> (String) a.get("when"))
          .anySatisfy(when -> assertThat(when).endsWith(" 11:00 UTC"))
          .anySatisfy(when -> assertThat(when).endsWith(" 08:30 UTC"))
          .allSatisfy(when -> assertThat(when).doesNotContain("AM", "PM", " at "));
    }
  }
}
