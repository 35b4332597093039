package org.eie.workflows.appeal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.AppealScenario;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.partners.PartnerOrganisation;
import org.eie.workflows.partners.PartnerOrganisationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each appeal type's rules for a partner's project, as the recorder applies them whichever way
 * the project came (the scenarios through the engine are in {@code appeal/PooledFundAppealTest}).
 */
@Tag("fast")
class PooledFundRulesTest {

  final AppealInputs inputs = new AppealInputs(new EieProperties(true, null,
      Map.of("LB", "Lebanon")));

  @BeforeEach
  void atTheScenariosTime() {
    AppealScenario.clock(AppealScenario.NOW);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> lasting(long months, String implementingPartners) {
    Map<String, Object> form = new HashMap<>(AppealScenario.project("Learning", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 1000.0)));
    form.put("durationMonths", months);
    if (implementingPartners != null) {
      form.put("implementingPartners", implementingPartners);
    }
    return form;
  }

  @Test
  void aCerfProjectRunsAtMostSixMonthsAndNamesItsImplementingPartners() {
    assertThatThrownBy(() -> inputs.project(lasting(7, "LEA"), "u", null,
        AppealType.CERF_RAPID_RESPONSE))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("durationMonths");
          assertThat(refused.getMessage()).isEqualTo("Duration (months): is 7 months: a CERF"
              + " rapid response project runs at most 6 months (CERF funds are spent within 6"
              + " months)");
        });
    assertThatThrownBy(() -> inputs.project(lasting(6, " \n "), "u", null,
        AppealType.CERF_RAPID_RESPONSE))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("implementingPartners");
          assertThat(refused.getMessage()).startsWith("Implementing partners (CERF): a CERF"
              + " project names at least one implementing partner");
        });
    assertThat(inputs.project(lasting(6, "Lebanese Education Association\n\n NRC "), "u", null,
        AppealType.CERF_RAPID_RESPONSE).implementingPartners())
        .containsExactly("Lebanese Education Association", "NRC");
    // The review panel reads them with the project.
    assertThat(ProjectText.withoutBudgetLines(inputs.project(lasting(6, "LEA\nNRC"), "u", null,
        AppealType.CERF_RAPID_RESPONSE))).contains("Implementing partners: LEA, NRC");
  }

  @Test
  void anEcwGrantRunsUpToTwelveMonths() {
    assertThat(inputs.project(lasting(12, null), "u", null,
        AppealType.ECW_FIRST_EMERGENCY_RESPONSE).durationMonths()).isEqualTo(12);
    assertThatThrownBy(() -> inputs.project(lasting(13, null), "u", null,
        AppealType.ECW_FIRST_EMERGENCY_RESPONSE))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .isEqualTo("Duration (months): is 13 months: an ECW First Emergency Response grant"
                + " runs at most 12 months"));
  }

  @Test
  void flashAppealsAndHrpRevisionsHaveNoDurationRuleOfTheirOwnAndNoImplementingPartners() {
    for (AppealType type : List.of(AppealType.FLASH_APPEAL, AppealType.HRP_REVISION)) {
      assertThat(type.maxProjectMonths()).isNull();
      PartnerProject project = inputs.project(lasting(9, "Ignored outside CERF"), "u", null, type);
      assertThat(project.durationMonths()).isEqualTo(9);
      assertThat(project.implementingPartners()).isEmpty();
      assertThatThrownBy(() -> inputs.project(lasting(13, null), "u", null, type))
          .hasMessage("Duration (months): must be between 1 and 12 months");
    }
  }

  @Test
  void cerfApplicantsAreTheListedUnAgenciesAndIomHoweverTheAcronymIsWritten() {
    assertThat(CerfAgencies.isApplicant(organisation("UNICEF", PartnerOrganisationType.UN_AGENCY)))
        .isTrue();
    assertThat(CerfAgencies.isApplicant(organisation("iom", PartnerOrganisationType.UN_AGENCY)))
        .isTrue();
    assertThat(CerfAgencies.isApplicant(organisation("UN Habitat",
        PartnerOrganisationType.UN_AGENCY))).isTrue();
    assertThat(CerfAgencies.isApplicant(organisation("NRC",
        PartnerOrganisationType.INTERNATIONAL_NGO))).isFalse();
    assertThat(CerfAgencies.refusal(organisation("LEA", PartnerOrganisationType.NATIONAL_NGO)))
        .contains("may not apply in a CERF rapid response appeal", "UNICEF, UNHCR, WFP, UNESCO,"
            + " IOM");
  }

  private static PartnerOrganisation organisation(String acronym, PartnerOrganisationType type) {
    return new PartnerOrganisation("partner-LB-x", "LB", acronym + " in Lebanon", acronym, type,
        "test", Instant.EPOCH);
  }
}
