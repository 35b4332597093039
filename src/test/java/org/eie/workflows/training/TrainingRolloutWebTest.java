package org.eie.workflows.training;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.RoleActions;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The rollout API's HTTP contract: a start is checked field by field (the application's own
 * country list and training settings, bound from application.yml) before the engine is asked;
 * the engine is a stand-in here, the whole path runs in {@link TrainingPackageRolloutTest}.
 */
@ControllerSlice
@WebMvcTest(TrainingRolloutController.class)
@Import(CurrentUser.class)
@EnableConfigurationProperties({EieProperties.class, TrainingProperties.class})
class TrainingRolloutWebTest {

  private static final String ROLLOUT = """
      {"packageVersion": "EiE basics 2027", "modules": ["Module 1", "Module 2"],
       "countries": ["lb", "CO"], "languages": ["fr", "AR"]}""";

  @Autowired
  MockMvc mvc;
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  RuntimeService runtime;
  @MockitoBean
  IdentityService identity;
  @MockitoBean
  DocumentStore documents;
  @MockitoBean
  RoleActions actions;

  private ResultActions start(String body) throws Exception {
    return mvc.perform(post("/api/training-rollouts").contentType(MediaType.APPLICATION_JSON)
        .content(body));
  }

  private ResultActions refused(String body, String field) throws Exception {
    return start(body).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void aStartedRolloutAnswers201WithCodesInTheirCanonicalCaseAndTheDefaultPeriod()
      throws Exception {
    ProcessInstance started = mock(ProcessInstance.class);
    when(started.getId()).thenReturn("r1");
    when(runtime.createProcessInstanceByKey(Processes.TRAINING)
        .businessKey(anyString()).setVariables(anyMap()).execute()).thenReturn(started);

    start(ROLLOUT).andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value("r1"))
        .andExpect(jsonPath("$.packageVersion").value("EiE basics 2027"))
        .andExpect(jsonPath("$.countries[0]").value("LB"))
        .andExpect(jsonPath("$.countries[1]").value("CO"))
        .andExpect(jsonPath("$.languages[1]").value("ar"))
        .andExpect(jsonPath("$.evaluationPeriodDays").value(14));
  }

  @Test
  void aRolloutWithoutPackageVersionIsRefusedAndNothingStarts() throws Exception {
    refused("{\"modules\": [\"Module 1\"], \"countries\": [\"LB\"], \"languages\": [\"fr\"]}",
        "packageVersion")
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    verifyNoInteractions(runtime);
  }

  @Test
  void aCountryWithoutClusterIsRefusedNamingTheKnownOnes() throws Exception {
    refused(ROLLOUT.replace("\"lb\"", "\"FR\""), "countries")
        .andExpect(jsonPath("$.errors[0].message").value(containsString(
            "'FR' is not a country cluster of this installation")));
    verifyNoInteractions(runtime);
  }

  @Test
  void aLanguageWithoutLanguageCommunityIsRefused() throws Exception {
    refused(ROLLOUT.replace("\"AR\"", "\"de\""), "languages")
        .andExpect(jsonPath("$.errors[0].message").value(containsString(
            "'de' has no Language Community")));
    verifyNoInteractions(runtime);
  }

  @Test
  void anEvaluationPeriodOutsideOneToNinetyDaysIsRefused() throws Exception {
    refused(ROLLOUT.replace("}", ", \"evaluationPeriodDays\": 91}"), "evaluationPeriodDays")
        .andExpect(jsonPath("$.errors[0].message").value("must be from 1 to 90 days"));
    verifyNoInteractions(runtime);
  }

  @Test
  void aModuleListedTwiceIsRefused() throws Exception {
    refused(ROLLOUT.replace("\"Module 2\"", "\"Module 1\""), "modules")
        .andExpect(jsonPath("$.errors[0].message").value("each module once"));
    verifyNoInteractions(runtime);
  }

  @Test
  void aReportLanguageOfNoReportIsRefused() throws Exception {
    refused(ROLLOUT.replace("}", ", \"reportLanguage\": \"de\"}"), "reportLanguage");
    verifyNoInteractions(runtime);
  }

  @Test
  void aStartSentAsAFormIsRefusedAsAnUnsupportedMediaType() throws Exception {
    mvc.perform(post("/api/training-rollouts").contentType(MediaType.TEXT_PLAIN).content("x"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.status").value(415));
    verifyNoInteractions(runtime);
  }

  @Test
  void aWithdrawalWithoutReasonIsRefusedBeforeAnythingIsLookedUp() throws Exception {
    mvc.perform(post("/api/training-rollouts/r1/countries/LB/withdrawal")
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    verifyNoInteractions(runtime, actions);
  }

  @Test
  void aWithdrawalOfACountryWithoutRunningRolloutIsThe404Problem() throws Exception {
    when(runtime.createProcessInstanceQuery().superProcessInstanceId("r1")
        .processDefinitionKey(Processes.TRAINING_COUNTRY)
        .variableValueEquals(TrainingVariables.COUNTRY, "LB").active().singleResult())
        .thenReturn(null);

    mvc.perform(post("/api/training-rollouts/r1/countries/LB/withdrawal")
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Security\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value(containsString("No running rollout in LB")));
    verifyNoInteractions(actions);
  }

  @Test
  void theReportOfARolloutTheCallerMayNotSeeIsThe404Problem() throws Exception {
    mvc.perform(get("/api/training-rollouts/r1/document"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(containsString("No rollout report")));
  }
}
