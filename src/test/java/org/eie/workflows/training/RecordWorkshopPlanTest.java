package org.eie.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eie.workflows.InMemoryEngine.cancel;
import static org.eie.workflows.InMemoryEngine.recorded;
import static org.eie.workflows.InMemoryEngine.start;
import static org.eie.workflows.InMemoryEngine.submit;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.InMemoryEngine;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.training.TrainingRecords.WorkshopPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The co-leads' workshop plan, on the engine without Spring: a workshop that goes ahead is
 * planned with place and dates; one that cannot withdraws the country with the co-leads' reason,
 * who gave it and when.
 */
@Tag("fast")
class RecordWorkshopPlanTest {

  static final String KEY = "recordWorkshopPlanTest";

  @BeforeAll
  static void deploy() {
    InMemoryEngine.engine();
    InMemoryEngine.with(Map.of("recordWorkshopPlan",
        new RecordWorkshopPlan(InMemoryEngine.currentUser())));
    InMemoryEngine.oneTask(KEY, "Task_PlanWorkshop").endListener("recordWorkshopPlan").deploy();
  }

  @AfterEach
  void realTime() {
    InMemoryEngine.realTime();
  }

  static Map<String, Object> goesAhead() {
    Map<String, Object> form = new HashMap<>();
    form.put("workshopGoesAhead", "true");
    form.put("workshopLocation", "Maiduguri");
    form.put("plannedStartDate", "2026-05-11");
    form.put("plannedEndDate", "2026-05-13");
    form.put("leadFacilitators", "Amina Yusuf");
    return form;
  }

  @Test
  void aWorkshopThatGoesAheadIsPlannedWithPlaceAndDates() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    submit(country, goesAhead(), "ng.unicef", "coleads-NG");

    assertThat(recorded(country, "workshopGoesAhead")).isEqualTo(true);
    assertThat(recorded(country, "workshopPlan")).isEqualTo(new WorkshopPlan("Maiduguri",
        "2026-05-11", "2026-05-13", "Amina Yusuf", true));
    assertThat(recorded(country, "withdrawal")).isNull();
    assertThat(recorded(country, "plannedStartDate")).isNull();
  }

  @Test
  void aWorkshopThatCannotGoAheadWithdrawsTheCountryWithWhoWhenAndWhy() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T09:30:00Z")));
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    submit(country, Map.of("workshopGoesAhead", false, "withdrawalReason",
        "Insecurity in Borno"), "ng.unicef", "coleads-NG");

    assertThat(recorded(country, "workshopGoesAhead")).isEqualTo(false);
    assertThat(recorded(country, "withdrawal")).isEqualTo(new Withdrawal("Insecurity in Borno",
        "ng.unicef", "2026-04-01T09:30:00Z", "planning"));
    assertThat(((WorkshopPlan) recorded(country, "workshopPlan")).goesAhead()).isFalse();
  }

  @Test
  void aWithdrawalWithoutItsReasonIsRefused() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    assertThatThrownBy(() -> submit(country, Map.of("workshopGoesAhead", "false"), "ng.unicef",
        "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("withdrawalReason"));
    assertThat(recorded(country, "withdrawal")).isNull();
  }

  @Test
  void aPlanEndingBeforeItStartsIsRefused() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = goesAhead();
    form.put("plannedEndDate", "2026-05-10");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("plannedEndDate"));
  }

  @Test
  void goingAheadOrNotMustBeAnswered() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));
    var form = goesAhead();
    form.put("workshopGoesAhead", "maybe");

    assertThatThrownBy(() -> submit(country, form, "ng.unicef", "coleads-NG"))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("workshopGoesAhead"));
  }

  @Test
  void aCancelledTaskRecordsNothing() {
    ProcessInstance country = start(KEY, Map.of("country", "NG"));

    cancel(country);

    assertThat(recorded(country, "workshopPlan")).isNull();
    assertThat(recorded(country, "workshopGoesAhead")).isNull();
  }
}
