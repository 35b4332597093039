package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.variables.JsonVariables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the forms show of an appeal, formatted for people, without an engine. */
@Tag("fast")
class FormContextTest {

  @Test
  void activationShowsTheTrigger() {
    var trigger = new AppealTrigger("LB", "Explosion", "2026-11-20T10:08:00Z",
        List.of("Beirut", "برج حمود"), "FLASH_APPEAL", "Schools damaged.", 300000L, null, "en");
    assertThat(RecordActivation.triggerText(trigger, "Lebanon")).contains(
        "Emergency: Explosion", "Country: Lebanon", "Onset: 20 November 2026, 10:08 (UTC)",
        "Affected areas: Beirut, برج حمود", "Appeal type: Flash Appeal",
        "People affected: 300,000", "Schools affected: not known yet", "Schools damaged.");
  }

  @Test
  void confirmedFiguresNoLongerReadAsToResolve() {
    var consolidation = new Consolidation(1, 1, new BigDecimal("800000"),
        List.of(new Consolidation.Line("SCHOOL_REPAIR", 1, new BigDecimal("800000"))),
        List.of(), List.of(), new PeopleTargeted(1200, 1100, 40, 20, 150),
        new Consolidation.PeopleBreakdown(1240, 1120, 2300, 60, 150, 2360),
        List.of(new Consolidation.Inconsistency("LB-EDU-001", "ACTIVITY_OUTSIDE_PLAN",
            "LB-EDU-001 budgets SCHOOL_REPAIR, which is not a priority activity")),
        "2026-11-22T10:00:00Z");

    assertThat(ConsolidationText.of(consolidation))
        .contains("Total requirement: USD 800,000", "School repair: USD 800,000 (1 project)",
            "People targeted: 2,360", "State: to resolve before sign-off");

    var confirmed = new ConsolidationReview("CONFIRM", "Repair is urgent", "lb.unicef",
        "2026-11-22T11:00:00Z");
    assertThat(ConsolidationText.of(consolidation, confirmed))
        .contains("State: confirmed as they stand by lb.unicef (\"Repair is urgent\")")
        .doesNotContain("to resolve");
  }
}
