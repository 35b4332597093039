package org.eie.workflows.dashboard;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.eie.workflows.forms.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CSV exports as a spreadsheet or a script receives them: UTF-8 CSV to save under a file
 * name that says whether it carries HXL tags. The figures behind are a stand-in (the whole path
 * runs in {@link ReadApiTest} and {@link DashboardAgreesTest}).
 */
@ControllerSlice
@WebMvcTest(ExportController.class)
class ExportWebTest {

  @Autowired
  MockMvc mvc;
  @MockitoBean
  Exports exports;

  @Test
  void theAppealsExportIsHxlTaggedByDefault() throws Exception {
    when(exports.appeals(true)).thenReturn("Country,Onset\n#country+code,#date+start\n");

    mvc.perform(get("/api/exports/appeals.csv"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition",
            "attachment; filename=\"appeals-hxl.csv\""))
        .andExpect(content().string("Country,Onset\n#country+code,#date+start\n"));
  }

  @Test
  void plainCsvIsAskedForWithHxlFalseAndTheDashboardsLinkGivesTheSame() throws Exception {
    when(exports.requirements(false)).thenReturn("Appeal,Activity,USD\n");

    for (String path : new String[] {"/api/exports/appeal-requirements.csv",
        "/dashboard/exports/appeal-requirements.csv"}) {
      mvc.perform(get(path).param("hxl", "false"))
          .andExpect(status().isOk())
          .andExpect(header().string("Content-Disposition",
              "attachment; filename=\"appeal-requirements.csv\""))
          .andExpect(content().string("Appeal,Activity,USD\n"));
    }
  }

  @Test
  void anHxlSwitchThatIsNoBooleanIsRefusedNamingIt() throws Exception {
    mvc.perform(get("/api/exports/appeals.csv").param("hxl", "maybe"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("hxl"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid value"));
    verifyNoInteractions(exports);
  }
}
