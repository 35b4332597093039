package org.eie.workflows.appeal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.forms.ControllerSlice;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The appeal API's HTTP contract: what it answers and what it refuses before the engine is
 * asked. The service behind is a stand-in; the whole path (the start listener's and the
 * project form's checks, grants, the engine) runs in {@link AppealApiTest} and
 * {@link AppealHttpTest}.
 */
@ControllerSlice
@WebMvcTest(AppealController.class)
class AppealWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  AppealService appeals;
  @MockitoBean
  DocumentStore documents;

  private static MockHttpServletRequestBuilder json(String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void aStartedAppealAnswers201WithItsLocationAndDocumentLink() throws Exception {
    ProcessInstance started = mock(ProcessInstance.class);
    when(started.getId()).thenReturn("a1");
    when(started.getBusinessKey()).thenReturn("LB-2026-08-04");
    when(started.getTenantId()).thenReturn("LB");
    when(appeals.start(anyMap())).thenReturn(started);

    mvc.perform(json("/api/appeals", """
            {"country": "LB", "emergencyType": "Explosion", "onset": "2026-08-04T18:08:00+03:00",
             "affectedAreas": ["Beirut"], "situationSummary": "Schools damaged",
             "peopleAffected": 300000}"""))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/appeals/a1"))
        .andExpect(jsonPath("$.id").value("a1"))
        .andExpect(jsonPath("$.businessKey").value("LB-2026-08-04"))
        .andExpect(jsonPath("$.country").value("LB"))
        .andExpect(jsonPath("$.document").value("/api/appeals/a1/document"));
    verify(appeals).start(Map.of("country", "LB", "emergencyType", "Explosion",
        "onset", "2026-08-04T18:08:00+03:00", "affectedAreas", List.of("Beirut"),
        "situationSummary", "Schools damaged", "peopleAffected", 300000L));
  }

  @Test
  void anUnknownFieldOfTheStartIsRefusedBeforeTheEngine() throws Exception {
    mvc.perform(json("/api/appeals", "{\"country\": \"LB\", \"budget\": 5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("budget"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a field of this request"));
    verifyNoInteractions(appeals);
  }

  @Test
  void aCountOfPeopleWrittenAsTextIsRefusedAsTheWrongType() throws Exception {
    mvc.perform(json("/api/appeals", "{\"country\": \"LB\", \"peopleAffected\": \"many\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("peopleAffected"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("has the wrong type (text, number, list or object)"));
    verifyNoInteractions(appeals);
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
    mvc.perform(json("/api/appeals", "{\"country\": \"LB\", \"country\": \"CO\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"))
        .andExpect(jsonPath("$.errors[0].message").value("appears more than once"));
    verifyNoInteractions(appeals);
  }

  @Test
  void theStartChecksRefusalsAreAnsweredAsOne400NamingEveryField() throws Exception {
    when(appeals.start(anyMap())).thenThrow(new InvalidInput(List.of(
        new FieldError("emergencyType", "is required"),
        new FieldError("onset", "is required"))));

    mvc.perform(json("/api/appeals", "{\"country\": \"LB\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("emergencyType", "onset")))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void aCancellationAnswersWhoCancelledAndWhy() throws Exception {
    when(appeals.cancel("a1", "Funded elsewhere"))
        .thenReturn(new Cancellation("Funded elsewhere", "lb.unicef", "2026-08-05T10:00:00Z"));

    mvc.perform(json("/api/appeals/a1/cancellation", "{\"reason\": \"Funded elsewhere\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.appealId").value("a1"))
        .andExpect(jsonPath("$.cancelled").value(true))
        .andExpect(jsonPath("$.reason").value("Funded elsewhere"))
        .andExpect(jsonPath("$.cancelledBy").value("lb.unicef"));
  }

  @Test
  void aReasonThatIsNotTextIsRefusedBeforeTheEngine() throws Exception {
    mvc.perform(json("/api/appeals/a1/closure", "{\"reason\": 42}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    verifyNoInteractions(appeals);
  }

  @Test
  void theDocumentIsAPdfWithItsVersionAndChecksum() throws Exception {
    byte[] pdf = "%PDF-1.7".getBytes();
    when(documents.visibleRendering(eq("a1"), any(), any(), eq("fr"))).thenReturn(Optional.of(
        new StoredDocument("d1", "a1", "appeal", 2, "fr", "LB", "appeal-LB-v2-fr.pdf",
            "application/pdf", "abc123", pdf.length, Instant.EPOCH, pdf)));

    mvc.perform(get("/api/appeals/a1/document").param("lang", "fr"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", containsString("appeal-LB-v2-fr.pdf")))
        .andExpect(header().string("X-Document-Version", "2"))
        .andExpect(header().string("ETag", "\"abc123\""))
        .andExpect(content().bytes(pdf));
  }

  @Test
  void theDocumentOfAnAppealTheCallerMayNotSeeIsTheOne404Problem() throws Exception {
    when(documents.visibleRendering(any(), any(), any(), any())).thenReturn(Optional.empty());

    mvc.perform(get("/api/appeals/elsewhere/document"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No appeal elsewhere that you may see"));
  }
}
