package org.eie.workflows.dashboard;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.identity.EieProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The read API's filters and paging as a client meets them: a value it cannot use is a 400
 * naming the parameter, and nothing is read. The reads behind are stand-ins (the whole path runs
 * in {@link ReadApiTest}).
 */
@ControllerSlice
@WebMvcTest(ReadApiController.class)
@EnableConfigurationProperties(EieProperties.class)
class ReadApiWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  AppealReads appeals;
  @MockitoBean
  PlanningReads planning;
  @MockitoBean
  TrainingReads training;
  @MockitoBean
  StepDurations durations;

  private ResultActions refused(String path, String parameter, String value) throws Exception {
    return mvc.perform(get(path).param(parameter, value))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.errors[0].field").value(parameter));
  }

  private ResultActions refused(String path, String parameter, String value, String message)
      throws Exception {
    return refused(path, parameter, value)
        .andExpect(jsonPath("$.errors[0].message").value(message));
  }

  @Test
  void appealsAreFilteredWithCodesInCapitals() throws Exception {
    when(appeals.page(new AppealReads.Filter("LB", "OPEN", "FLASH_APPEAL", true), 1, 5))
        .thenReturn(new PageOf<>(List.of(), 1, 5, 0));

    mvc.perform(get("/api/appeals?country=lb&status=open&appealType=flash_appeal&overdue=true"
            + "&page=1&size=5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty())
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.total").value(0));
    verify(appeals).page(new AppealReads.Filter("LB", "OPEN", "FLASH_APPEAL", true), 1, 5);
  }

  @Test
  void aCountryWithoutClusterIsRefused() throws Exception {
    refused("/api/appeals", "country", "FR", "'FR' is not a country of eie.countries");
    verifyNoInteractions(appeals);
  }

  @Test
  void anUnknownAppealStatusIsRefused() throws Exception {
    refused("/api/appeals", "status", "LOST");
    verifyNoInteractions(appeals);
  }

  @Test
  void anUnknownAppealTypeIsRefused() throws Exception {
    refused("/api/appeals", "appealType", "BAKE_SALE");
    verifyNoInteractions(appeals);
  }

  @Test
  void aNegativePageIsRefused() throws Exception {
    refused("/api/appeals", "page", "-1", "is 0 or more");
    verifyNoInteractions(appeals);
  }

  @Test
  void aPageLargerThanTheLimitIsRefused() throws Exception {
    refused("/api/planning-cycles", "size", "201", "is between 1 and 200");
    verifyNoInteractions(planning);
  }

  @Test
  void aPageSizeThatIsNoNumberIsRefused() throws Exception {
    refused("/api/training-rollouts", "size", "ten", "is not a valid value");
    verifyNoInteractions(training);
  }

  @Test
  void aRolloutStatusOtherThanOpenOrClosedIsRefused() throws Exception {
    refused("/api/training-rollouts", "status", "PUBLISHED", "is OPEN or CLOSED");
    verifyNoInteractions(training);
  }

  @Test
  void anOverdueFlagThatIsNoBooleanIsRefused() throws Exception {
    refused("/api/appeals", "overdue", "perhaps", "is not a valid value");
    verifyNoInteractions(appeals);
  }

  @Test
  void anAppealTheCallerCannotSeeIsThe404Problem() throws Exception {
    mvc.perform(get("/api/appeals/elsewhere"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No appeal elsewhere"));
  }

  @Test
  void aDocumentVersionThatIsNoNumberIsRefused() throws Exception {
    mvc.perform(get("/api/appeals/a1/documents/latest"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    verify(appeals, org.mockito.Mockito.never())
        .document(org.mockito.ArgumentMatchers.any(), anyInt(), org.mockito.ArgumentMatchers.any());
  }

  @Test
  void aMissingDocumentVersionIsThe404Problem() throws Exception {
    mvc.perform(get("/api/appeals/a1/documents/3"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("No appeal document a1 v3"));
  }

  @Test
  void stepDurationsAnswerOneListPerProcess() throws Exception {
    mvc.perform(get("/api/step-durations"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.appeals").isArray())
        .andExpect(jsonPath("$.trainingRollouts").isArray())
        .andExpect(jsonPath("$.planningCycles").isArray());
  }
}
