package org.eie.workflows.notifications;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user's own notification settings over HTTP: what {@code GET} answers and what {@code PUT}
 * refuses before anything is stored. The settings table and the engine's users are stand-ins;
 * the whole path runs in {@link TaskNotificationsTest}.
 */
@ControllerSlice
@WebMvcTest(NotificationSettingsController.class)
@Import(CurrentUser.class)
class NotificationSettingsWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  NotificationSettings settings;
  @MockitoBean
  NotificationLedger ledger;
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  IdentityService identity;

  @BeforeEach
  void signedInAsAmira() {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("amira", List.of()));
    User amira = mock(User.class);
    when(amira.getEmail()).thenReturn("amira@example.org");
    when(identity.createUserQuery().userId("amira").singleResult()).thenReturn(amira);
    when(settings.of("amira")).thenReturn(new NotificationSettings.Setting(true, "en"));
    when(ledger.waitingFor("amira")).thenReturn(2);
  }

  @Test
  void theUserReadsTheirSettingsAddressAndWaitingMails() throws Exception {
    mvc.perform(get("/api/me/notifications"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true))
        .andExpect(jsonPath("$.language").value("en"))
        .andExpect(jsonPath("$.email").value("amira@example.org"))
        .andExpect(jsonPath("$.reminderBefore").value("PT24H"))
        .andExpect(jsonPath("$.waiting").value(2));
  }

  @Test
  void aChangeIsStoredForTheCallerOnly() throws Exception {
    mvc.perform(put("/api/me/notifications").contentType(MediaType.APPLICATION_JSON)
            .content("{\"enabled\": false, \"language\": \" FR \"}"))
        .andExpect(status().isOk());
    verify(settings).save("amira", new NotificationSettings.Setting(false, "fr"));
  }

  @Test
  void aChangeWithoutEnabledIsRefusedAndNothingIsStored() throws Exception {
    mvc.perform(put("/api/me/notifications").contentType(MediaType.APPLICATION_JSON)
            .content("{\"language\": \"fr\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("enabled"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("is required")));
    verify(settings, never()).save(anyString(), any());
  }

  @Test
  void aLanguageOfNoMailIsRefusedNamingTheFive() throws Exception {
    mvc.perform(put("/api/me/notifications").contentType(MediaType.APPLICATION_JSON)
            .content("{\"enabled\": true, \"language\": \"de\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"))
        .andExpect(jsonPath("$.errors[0].message")
            .value(containsString("one of en, fr, es, pt, ar")));
    verify(settings, never()).save(anyString(), any());
  }

  @Test
  void enabledWrittenAsTextIsRefusedAsTheWrongType() throws Exception {
    mvc.perform(put("/api/me/notifications").contentType(MediaType.APPLICATION_JSON)
            .content("{\"enabled\": \"yes\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("enabled"));
    verify(settings, never()).save(anyString(), any());
  }

  @Test
  void withoutASignedInUserTheSettingsAre403() throws Exception {
    when(identity.getCurrentAuthentication()).thenReturn(null);

    mvc.perform(put("/api/me/notifications").contentType(MediaType.APPLICATION_JSON)
            .content("{\"enabled\": true}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    verify(settings, never()).save(anyString(), any());
  }
}
