package org.eie.workflows.donors;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Pledges over HTTP: every field is checked, and the appeal must be one the caller can see, before
 * anything is written. {@link DonorAccess} is the real one; the tables and the engine's history
 * are stand-ins (the whole path: {@link PledgeCoverageTest}).
 */
@ControllerSlice
@WebMvcTest(PledgeController.class)
@Import({DonorAccess.class, CurrentUser.class, PledgeWebTest.NoActivityNames.class})
@EnableConfigurationProperties(EieProperties.class)
class PledgeWebTest {

  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
  private static final String PLEDGE = "{\"donorId\": \"d1\", \"appealId\": \"a1\","
      + " \"amountUsd\": 25000.50, \"date\": \"" + TODAY + "\", \"status\": \"pledged\"}";

  /** No activity names: a pledge's activity stays free text while the appeal has no figures. */
  @TestConfiguration(proxyBeanMethods = false)
  static class NoActivityNames {
    @Bean
    ActivityNames activityNames() {
      return text -> Optional.empty();
    }
  }

  @Autowired
  MockMvc mvc;
  @MockitoBean
  PledgeBook pledges;
  @MockitoBean
  DonorRegistry donors;
  @MockitoBean
  AppealRequirements requirements;
  @MockitoBean
  FundingCoverage coverage;
  @MockitoBean
  IdentityService identity;
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  HistoryService history;

  @BeforeEach
  void theSecretariatSeesAppealA1AndDonorD1() {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("inee.secretariat",
        List.of(Groups.SECRETARIAT)));
    when(history.createHistoricProcessInstanceQuery().processInstanceId("a1").count())
        .thenReturn(1L);
    when(donors.find("d1")).thenReturn(Optional.of(new Donor("d1", "ECHO", "Marie Curie",
        "marie@example.org", "fr", List.of("LB"), List.of(), true, Instant.EPOCH,
        Instant.EPOCH)));
  }

  private ResultActions record(String body) throws Exception {
    return mvc.perform(post("/api/pledges").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  @Test
  void aPledgeIsRecorded201WithItsStatusInCapitals() throws Exception {
    record(PLEDGE).andExpect(status().isCreated());
    verify(pledges).record(new PledgeInput("d1", "a1", null, new BigDecimal("25000.50"),
        LocalDate.parse(TODAY), "PLEDGED"), "inee.secretariat");
  }

  @Test
  void aPledgeWithoutAppealIsRefusedAndNothingIsWritten() throws Exception {
    record("{\"donorId\": \"d1\"}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    verifyNoInteractions(pledges);
  }

  @Test
  void aPledgeOnAnAppealTheCallerCannotSeeIsRefusedNamingTheAppeal() throws Exception {
    record(PLEDGE.replace("\"a1\"", "\"a2\"")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("no appeal with this id that you can see"));
    verifyNoInteractions(pledges);
  }

  @Test
  void aPledgeWithNothingButItsAppealNamesEveryMissingField() throws Exception {
    record("{\"appealId\": \"a1\"}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("donorId", "amountUsd", "date", "status")));
    verifyNoInteractions(pledges);
  }

  @Test
  void anUnknownDonorANegativeAmountAndAFutureDateAreEachNamed() throws Exception {
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    record(PLEDGE.replace("d1", "d9").replace("25000.50", "-1").replace(TODAY, tomorrow))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("donorId", "amountUsd", "date")))
        .andExpect(jsonPath("$.errors[?(@.field == 'amountUsd')].message")
            .value("must be more than 0"))
        .andExpect(jsonPath("$.errors[?(@.field == 'date')].message").value("is in the future"));
    verifyNoInteractions(pledges);
  }

  @Test
  void anAmountWithFractionsOfACentIsRefused() throws Exception {
    record(PLEDGE.replace("25000.50", "0.001")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("amountUsd"))
        .andExpect(jsonPath("$.errors[0].message").value("has more than 2 decimals (cents)"));
    verifyNoInteractions(pledges);
  }

  @Test
  void aDateNotWrittenAsIsoIsRefusedNamingIt() throws Exception {
    record(PLEDGE.replace(TODAY, "05/08/2026")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("date"))
        .andExpect(jsonPath("$.errors[0].message").value("'05/08/2026' is not a valid value"));
    verifyNoInteractions(pledges);
  }

  @Test
  void anUnknownStatusIsRefused() throws Exception {
    record(PLEDGE.replace("pledged", "promised")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("'promised' is not PLEDGED, COMMITTED or PAID"));
    verifyNoInteractions(pledges);
  }

  @Test
  void aPledgeCannotMoveToAnotherAppeal() throws Exception {
    when(pledges.find("p1")).thenReturn(Optional.of(new Pledge("p1", "d1", "ECHO", "a1", null,
        BigDecimal.TEN, LocalDate.parse(TODAY), Pledge.Status.PLEDGED, "inee.secretariat",
        Instant.EPOCH, Instant.EPOCH)));

    mvc.perform(put("/api/pledges/p1").contentType(MediaType.APPLICATION_JSON)
            .content(PLEDGE.replace("\"a1\"", "\"a2\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("a pledge cannot move to another appeal"));
    verify(pledges, org.mockito.Mockito.never()).update(anyString(), any(), anyString());
  }

  @Test
  void anUnknownPledgeIsThe404Problem() throws Exception {
    mvc.perform(put("/api/pledges/p9").contentType(MediaType.APPLICATION_JSON).content(PLEDGE))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("No pledge p9"));
  }

  @Test
  void pledgesWithoutAnAppealAreRefusedNamingTheParameter() throws Exception {
    mvc.perform(get("/api/pledges"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"));
    verifyNoInteractions(pledges);
  }

  @Test
  void theCoverageOfAnAppealTheCallerCannotSeeIsThe404Problem() throws Exception {
    mvc.perform(get("/api/appeal-coverage/a2"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("No appeal a2"));
    verifyNoInteractions(coverage);
  }
}
