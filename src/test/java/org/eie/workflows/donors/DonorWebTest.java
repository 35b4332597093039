package org.eie.workflows.donors;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The donor registry's HTTP contract, with the real {@link DonorAccess} reading the caller's
 * groups; the tables and the engine are stand-ins. The whole path runs in
 * {@link DonorRegistryApiTest} and {@link AppealDonorDeliveryTest}.
 */
@ControllerSlice
@WebMvcTest(DonorController.class)
@Import({DonorAccess.class, CurrentUser.class})
@EnableConfigurationProperties(EieProperties.class)
class DonorWebTest {

  private static final String DONOR = """
      {"organisation": "ECHO", "contactName": "Marie Curie", "email": "Marie@Example.org",
       "language": "FR", "countries": ["LB"], "appealTypes": ["FLASH_APPEAL"]}""";

  @Autowired
  MockMvc mvc;
  @MockitoBean
  DonorRegistry registry;
  @MockitoBean
  DeliveryLedger ledger;
  @MockitoBean
  DeliveryRetry retries;
  @MockitoBean
  IdentityService identity;

  @BeforeEach
  void signedInAsTheSecretariat() {
    signedInAs("inee.secretariat", Groups.SECRETARIAT);
  }

  private void signedInAs(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user,
        List.of(groups)));
  }

  private ResultActions register(String body) throws Exception {
    return mvc.perform(post("/api/donors").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions retry(String body) throws Exception {
    return mvc.perform(post("/api/donor-deliveries/retry").contentType(MediaType.APPLICATION_JSON)
        .content(body));
  }

  private static Donor donor(String id, String country) {
    return new Donor(id, "ECHO", "Marie Curie", "marie@example.org", "fr", List.of(country),
        List.of(), true, Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void aRegisteredDonorIs201AndStoredNormalised() throws Exception {
    when(registry.register(any())).thenReturn(donor("d1", "LB"));

    register(DONOR).andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value("d1"))
        .andExpect(jsonPath("$.countries[0]").value("LB"));
    verify(registry).register(new DonorInput("ECHO", "Marie Curie", "marie@example.org", "fr",
        List.of("LB"), List.of("FLASH_APPEAL")));
  }

  @Test
  void anEmptyDonorIsRefusedNamingEveryRequiredFieldAndNothingIsStored() throws Exception {
    register("{}").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("organisation", "contactName", "email")));
    verifyNoInteractions(registry);
  }

  @Test
  void anAddressWithoutDomainIsRefused() throws Exception {
    register(DONOR.replace("Marie@Example.org", "marie")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"))
        .andExpect(jsonPath("$.errors[0].message").value("'marie' is not an e-mail address"));
    verifyNoInteractions(registry);
  }

  @Test
  void aCountryWithoutClusterAndAnUnknownAppealTypeAreBothNamed() throws Exception {
    register(DONOR.replace("\"LB\"", "\"FR\"").replace("FLASH_APPEAL", "BAKE_SALE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("countries", "appealTypes")));
    verifyNoInteractions(registry);
  }

  @Test
  void aPartnerMayNotWorkWithDonors() throws Exception {
    signedInAs("lb.nrc", Groups.partnersOf("LB"));

    register(DONOR).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    verifyNoInteractions(registry);
  }

  @Test
  void aDonorOfAnotherCountryIsAnsweredAsAnUnknownOne() throws Exception {
    signedInAs("co.unicef", Groups.coLeadsOf("CO"));
    when(registry.find("d1")).thenReturn(Optional.of(donor("d1", "LB")));

    mvc.perform(get("/api/donors/d1"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.detail").value("No donor d1"));
  }

  @Test
  void deliveriesWithoutAnAppealAreRefusedNamingTheParameter() throws Exception {
    mvc.perform(get("/api/donor-deliveries"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    verifyNoInteractions(ledger);
  }

  @Test
  void aVersionThatIsNoNumberIsRefused() throws Exception {
    mvc.perform(get("/api/donor-deliveries").param("appealId", "a1").param("version", "two"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid value"));
    verifyNoInteractions(ledger);
  }

  @Test
  void aRetryWithoutReasonIsRefusedAndNothingIsRetried() throws Exception {
    retry("{\"appealId\": \"a1\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    verifyNoInteractions(retries);
  }

  @Test
  void aRetryWithoutAppealIsRefusedAndNothingIsRetried() throws Exception {
    retry("{\"appealId\": \" \", \"reason\": \"Mail server back\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("appealId"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("required")));
    verifyNoInteractions(retries);
  }

  @Test
  void aRetryAnswersHowManyDeliveriesWentBack() throws Exception {
    when(retries.retry("a1", "Mail server back")).thenReturn(3);

    retry("{\"appealId\": \"a1\", \"reason\": \"Mail server back\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.appealId").value("a1"))
        .andExpect(jsonPath("$.retried").value(3));
  }
}
