package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.document.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.document.AppealDocument.People;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.appeal.document.AppealDocument.Requirements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The record travels as JSON (a Spin process variable, a REST body) without losing anything. */
@Tag("fast")
class AppealDocumentJsonTest {

  /** Jackson as Spin and Spring Boot configure it: java.time support, dates as timestamps. */
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  @Test
  void survivesARoundTripThroughJackson() throws Exception {
    var appeal = AppealDocumentSamples.lebanonBeirutExplosion();
    String text = json.writeValueAsString(appeal);

    assertThat(json.readValue(text, AppealDocument.class)).isEqualTo(appeal);
    // Readable in Cockpit: codes, ISO dates, the onset where it happened, plain numbers.
    assertThat(text).contains("\"appealType\":\"FLASH_APPEAL\"", "\"date\":\"2020-08-14\"",
        "\"onset\":\"2020-08-04T18:08:00+03:00\"", "\"totalUsd\":" + appeal.requirements().totalUsd())
        .doesNotContain("\"coverage\"", "\"budgetUsd\":" + appeal.projects().get(0).budgetUsd() + ",\"");
  }

  /** A stored version lays out every language later from exactly what was signed off. */
  @Test
  void aStoredVersionReadsBackAsSignedOff() {
    var appeal = AppealDocumentSamples.lebanonBeirutExplosion();
    var figures = AppealDocumentMapper.publishedFigures(appeal);
    var version = new AppealVersion(appeal, AppealChanges.between(figures, figures,
        "The JENA results are in"));

    assertThat(AppealVersion.of(version.json())).isEqualTo(version);
    assertThat(AppealVersion.of(new AppealVersion(appeal, null).json()).changes()).isNull();
  }

  @Test
  void missingListsAreEmptyAndMissingRequirementsAreConsolidatedFromProjects() throws Exception {
    var appeal = json.readValue("""
        {"countryCode": "LB", "countryName": "Lebanon", "appealType": "CERF_RAPID_RESPONSE",
         "version": 2, "date": "2020-09-20",
         "projects": [{"code": "LB-EDU-001", "partner": "UNICEF", "title": "Repairs",
                       "activities": [{"activity": "SCHOOL_REPAIR", "budgetUsd": 250000.50},
                                      {"activity": "PSYCHOSOCIAL_SUPPORT", "budgetUsd": 49999.50}],
                       "durationMonths": 6}]}
        """, AppealDocument.class);

    assertThat(appeal.affectedAreas()).isEmpty();
    assertThat(appeal.signOff()).isEmpty();
    assertThat(appeal.peopleInNeed().total()).isZero();
    assertThat(appeal.funding()).isNull();
    assertThat(appeal.coverage()).isNull();
    assertThat(appeal.requirements().totalUsd()).isEqualByComparingTo("300000");
    assertThat(appeal.requirements().byPartner()).singleElement()
        .satisfies(p -> assertThat(p.partner()).isEqualTo("UNICEF"));
  }

  @Test
  void consolidationSumsByActivityAndPartnerLargestFirst() {
    var people = new People(100, 90, null, null, 3L, 2L, 12L, List.of(), null, null);
    var projects = List.of(
        new Project("A", "UNICEF", "a", List.of(
            new ActivityLine("SCHOOL_REPAIR", null, new BigDecimal("100")),
            new ActivityLine("TEACHER_SUPPORT", null, new BigDecimal("50"))), List.of(), people, 3),
        new Project("B", "NRC", "b", List.of(
            new ActivityLine("SCHOOL_REPAIR", null, new BigDecimal("300"))), List.of(), people, 3),
        new Project("C", "UNICEF", "c", List.of(
            new ActivityLine("TEACHER_SUPPORT", null, new BigDecimal("25"))), List.of(), people, 3));

    var requirements = Requirements.of(projects);

    assertThat(requirements.totalUsd()).isEqualByComparingTo("475");
    assertThat(requirements.byActivity()).extracting(a -> a.activity() + "=" + a.amountUsd()
        + "/" + a.projects()).containsExactly("SCHOOL_REPAIR=400/2", "TEACHER_SUPPORT=75/2");
    assertThat(requirements.byPartner()).extracting(p -> p.partner() + "=" + p.amountUsd()
        + "/" + p.projects() + "/" + p.peopleTargeted())
        .containsExactly("NRC=300/1/195", "UNICEF=175/2/390");
  }
}
