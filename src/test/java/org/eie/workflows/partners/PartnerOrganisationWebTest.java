package org.eie.workflows.partners;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * The partner registry's HTTP contract. {@link PartnerAccess} is the real one, reading the
 * caller's groups from the engine's authentication (a stand-in here, as is the registry's
 * table); the whole path runs in {@link PartnerRegistryTest}.
 */
@ControllerSlice
@WebMvcTest(PartnerOrganisationController.class)
@Import({PartnerAccess.class, CurrentUser.class})
@EnableConfigurationProperties(EieProperties.class)
class PartnerOrganisationWebTest {

  private static final PartnerOrganisation NRC = new PartnerOrganisation("lb-nrc", "LB",
      "Norwegian Refugee Council", "NRC", PartnerOrganisationType.INTERNATIONAL_NGO, "lb.unicef",
      Instant.parse("2026-08-05T10:00:00Z"));

  @Autowired
  MockMvc mvc;
  @MockitoBean
  PartnerRegistry registry;
  @MockitoBean
  IdentityService identity;

  @BeforeEach
  void signedInAsLebanonsCoLead() {
    signedInAs("lb.unicef", Groups.coLeadsOf("LB"));
  }

  private void signedInAs(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user,
        List.of(groups)));
  }

  private ResultActions register(String body) throws Exception {
    return mvc.perform(post("/api/partner-organisations").contentType(MediaType.APPLICATION_JSON)
        .content(body));
  }

  @Test
  void aRegisteredOrganisationIs201WithItsGroupAndNoMembersYet() throws Exception {
    when(registry.register(any(), anyString())).thenReturn(NRC);

    register("{\"country\": \" lb \", \"name\": \"Norwegian Refugee Council\","
        + " \"acronym\": \"NRC\", \"type\": \"INTERNATIONAL_NGO\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value("lb-nrc"))
        .andExpect(jsonPath("$.typeName").value("International NGO"))
        .andExpect(jsonPath("$.group").value(NRC.groupId()))
        .andExpect(jsonPath("$.members").isEmpty());
    verify(registry).register(new PartnerOrganisationInput("LB", "Norwegian Refugee Council",
        "NRC", "INTERNATIONAL_NGO"), "lb.unicef");
  }

  @Test
  void anEmptyRegistrationIsRefusedNamingEveryFieldAndRegistersNothing() throws Exception {
    register("{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("country", "name", "acronym", "type")));
    verifyNoInteractions(registry);
  }

  @Test
  void aCountryWithoutClusterIsRefused() throws Exception {
    register("{\"country\": \"FR\", \"name\": \"N\", \"acronym\": \"N\", \"type\": \"UN_AGENCY\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"))
        .andExpect(jsonPath("$.errors[0].message")
            .value(containsString("not a country cluster of this installation")));
    verifyNoInteractions(registry);
  }

  @Test
  void anAcronymOfPunctuationOnlyIsRefused() throws Exception {
    register("{\"country\": \"LB\", \"name\": \"N\", \"acronym\": \"--\", \"type\": \"UN_AGENCY\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("acronym"))
        .andExpect(jsonPath("$.errors[0].message").value("needs at least one letter or digit"));
    verifyNoInteractions(registry);
  }

  @Test
  void anUnknownKindOfOrganisationIsRefused() throws Exception {
    register("{\"country\": \"LB\", \"name\": \"N\", \"acronym\": \"N\", \"type\": \"CHURCH\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    verifyNoInteractions(registry);
  }

  @Test
  void anotherCountrysCoLeadMayNotRegisterForLebanon() throws Exception {
    signedInAs("co.unicef", Groups.coLeadsOf("CO"));

    register("{\"country\": \"LB\", \"name\": \"N\", \"acronym\": \"N\", \"type\": \"UN_AGENCY\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    verifyNoInteractions(registry);
  }

  @Test
  void aUserWhoManagesNoCountryIsRefused403() throws Exception {
    signedInAs("someone", "partners-lb");

    mvc.perform(get("/api/partner-organisations"))
        .andExpect(status().isForbidden());
    verifyNoInteractions(registry);
  }

  @Test
  void anOrganisationOfAnotherCountryIsAnsweredAsAnUnknownOne() throws Exception {
    when(registry.find("lb-nrc")).thenReturn(Optional.of(NRC));
    signedInAs("co.unicef", Groups.coLeadsOf("CO"));

    mvc.perform(get("/api/partner-organisations/lb-nrc"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No partner organisation lb-nrc that you manage"));
  }

  @Test
  void aCountryFilterOutsideTheCallersCountriesListsNothing() throws Exception {
    mvc.perform(get("/api/partner-organisations").param("country", "CO"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$").isEmpty());
    verify(registry).ofCountries(java.util.Set.of());
  }
}
