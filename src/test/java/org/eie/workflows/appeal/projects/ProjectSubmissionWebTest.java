package org.eie.workflows.appeal.projects;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
 * Submitting a partner project through the API, its HTTP contract: what it answers and what it
 * refuses before the engine is asked, with the form's refusals named by the REST body's fields.
 * The service behind is a stand-in; the whole path (the project form's recorder, the deadline,
 * grants, the engine) runs in {@code appeal/AppealApiTest} and {@code PooledFundAppealTest}.
 */
@ControllerSlice
@WebMvcTest(ProjectSubmissionController.class)
class ProjectSubmissionWebTest {

  private static final String PROJECT = """
      {"title": "Safe classrooms", "activities": [
         {"activity": "TEMPORARY_LEARNING_SPACES", "budgetUsd": 50000}],
       "locations": ["Beirut"], "durationMonths": 6,
       "peopleTargeted": {"girls": 10, "boys": 10, "femaleTeachers": 1, "maleTeachers": 1,
         "withDisabilities": 2}}""";

  @Autowired
  MockMvc mvc;
  @MockitoBean
  ProjectSubmissions submissions;

  private static MockHttpServletRequestBuilder json(String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void aProjectAnswers201WithItsLocation() throws Exception {
    when(submissions.submit(eq("a1"), anyMap())).thenReturn("p7");

    mvc.perform(json("/api/appeals/a1/projects", PROJECT))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/appeals/a1/projects/p7"))
        .andExpect(jsonPath("$.appealId").value("a1"))
        .andExpect(jsonPath("$.projectId").value("p7"))
        .andExpect(jsonPath("$.status").value("SUBMITTED"));
  }

  @Test
  void aProjectWithoutPeopleOrActivitiesIsRefusedNamingBothBeforeTheEngine() throws Exception {
    mvc.perform(json("/api/appeals/a1/projects", "{\"title\": \"Safe classrooms\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field")
            .value(containsInAnyOrder("peopleTargeted", "activities")));
    verifyNoInteractions(submissions);
  }

  @Test
  void anActivityThatIsNoPriorityActivityIsRefusedByItsPlaceInTheList() throws Exception {
    mvc.perform(json("/api/appeals/a1/projects",
            PROJECT.replace("TEMPORARY_LEARNING_SPACES", "SWIMMING_POOLS")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("activities[0].activity"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString(
            "'SWIMMING_POOLS' is not a priority activity")));
    verifyNoInteractions(submissions);
  }

  @Test
  void anActivityGivenTwiceIsRefused() throws Exception {
    mvc.perform(json("/api/appeals/a1/projects", PROJECT.replace(
            "{\"activity\": \"TEMPORARY_LEARNING_SPACES\", \"budgetUsd\": 50000}",
            "{\"activity\": \"SCHOOL_REPAIR\", \"budgetUsd\": 1},"
                + " {\"activity\": \"SCHOOL_REPAIR\", \"budgetUsd\": 2}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("activities[1].activity"))
        .andExpect(jsonPath("$.errors[0].message").value("SCHOOL_REPAIR appears twice"));
    verifyNoInteractions(submissions);
  }

  @Test
  void anActivityWithoutBudgetIsRefusedNamingTheBudget() throws Exception {
    mvc.perform(json("/api/appeals/a1/projects", PROJECT.replace(", \"budgetUsd\": 50000", "")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("activities[0].budgetUsd"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
    verifyNoInteractions(submissions);
  }

  @Test
  void theFormsRefusalsNameTheRestBodysFields() throws Exception {
    when(submissions.submit(eq("a1"), anyMap())).thenThrow(new InvalidInput(List.of(
        new FieldError("projectTitle", "is required"),
        new FieldError("girls", "must not be negative (was -1)"),
        new FieldError("budgetSchoolRepair", "has at most two decimals (was 1.001)"))));

    mvc.perform(json("/api/appeals/a1/projects", PROJECT))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
            "title", "peopleTargeted.girls", "activities[].budgetUsd")));
  }

  @Test
  void aProjectAfterTheCallClosedIs409() throws Exception {
    when(submissions.submit(eq("a1"), anyMap()))
        .thenThrow(new SubmissionClosedException("The call for projects closed at 2026-08-10"));

    mvc.perform(json("/api/appeals/a1/projects", PROJECT))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value(containsString("closed")));
  }
}
