package org.eie.workflows.planning;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.forms.StateConflict;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/planning-cycles} and the plan document, as a client sees them; the engine
 * behind is a stand-in (the whole path runs in {@link PlanningCycleApiTest}).
 */
@ControllerSlice
@WebMvcTest(PlanningCycleController.class)
class PlanningCycleWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  PlanningCycles cycles;
  @MockitoBean
  DocumentStore documents;
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  HistoryService history;

  private static int nextYear() {
    return Year.now(ZoneOffset.UTC).getValue() + 1;
  }

  @Test
  void aStartedCycleAnswers201WithItsLocationAndYears() throws Exception {
    ProcessInstance started = mock(ProcessInstance.class);
    when(started.getId()).thenReturn("cycle-1");
    when(started.getBusinessKey()).thenReturn("plan-" + nextYear());
    when(cycles.start(nextYear(), "fr")).thenReturn(started);

    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": " + nextYear() + ", \"documentLanguage\": \"fr\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/planning-cycles/cycle-1"))
        .andExpect(jsonPath("$.id").value("cycle-1"))
        .andExpect(jsonPath("$.firstYear").value(nextYear()))
        .andExpect(jsonPath("$.cycle").value(nextYear() + "-" + (nextYear() + 2)));
    verify(cycles).start(nextYear(), "fr");
  }

  @Test
  void aMissingFirstYearIsRefusedNamingItAndStartsNothing() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[0].field").value("firstYear"))
        .andExpect(jsonPath("$.errors[0].message").value("the first year of the plan is required"));
    verifyNoInteractions(cycles);
  }

  @Test
  void aDocumentLanguageOtherThanEnglishOrFrenchIsRefused() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": " + nextYear() + ", \"documentLanguage\": \"de\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("documentLanguage"))
        .andExpect(jsonPath("$.errors[0].message").value("must be en or fr"));
    verifyNoInteractions(cycles);
  }

  @Test
  void aPastYearIsRefusedSayingWhichYearsArePossible() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": 1999}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("firstYear"))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
            "must be between " + (nextYear() - 1))));
    verifyNoInteractions(cycles);
  }

  @Test
  void aYearWrittenAsTextIsRefusedAsTheWrongType() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": \"2030\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("firstYear"));
    verifyNoInteractions(cycles);
  }

  @Test
  void anUnknownFieldIsRefusedNamingIt() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": " + nextYear() + ", \"lastYear\": 2040}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lastYear"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a field of this request"));
    verifyNoInteractions(cycles);
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{firstYear: "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message").value("is not valid JSON"));
    verifyNoInteractions(cycles);
  }

  @Test
  void aFormPostIsRefusedAsAnUnsupportedMediaType() throws Exception {
    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("firstYear=2030"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.status").value(415));
    verifyNoInteractions(cycles);
  }

  @Test
  void aSecondCycleForTheSameYearsIs409NamingTheField() throws Exception {
    when(cycles.start(anyInt(), anyString())).thenThrow(
        new StateConflict("firstYear", "a planning cycle for these years is already running"));

    mvc.perform(post("/api/planning-cycles").contentType(MediaType.APPLICATION_JSON)
            .content("{\"firstYear\": " + nextYear() + ", \"documentLanguage\": \"en\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.errors[0].field").value("firstYear"));
  }

  @Test
  void theDocumentOfAnUnknownCycleIsTheOne404Problem() throws Exception {
    mvc.perform(get("/api/planning-cycles/nope/document"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nope")));
    verifyNoInteractions(documents);
  }
}
