package org.eie.workflows.dashboard;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exports, HXL-tagged by default ({@code ?hxl=false} for plain CSV): under {@code /api} with
 * HTTP Basic, and under {@code /dashboard} with the dashboard's login, for the links on its pages.
 */
@RestController
class ExportController {

  private final Exports exports;

  ExportController(Exports exports) {
    this.exports = exports;
  }

  @GetMapping({"/api/exports/appeals.csv", "/dashboard/exports/appeals.csv"})
  ResponseEntity<String> appeals(@RequestParam(defaultValue = "true") boolean hxl) {
    return csv(hxl ? "appeals-hxl.csv" : "appeals.csv", exports.appeals(hxl));
  }

  @GetMapping({"/api/exports/appeal-requirements.csv",
      "/dashboard/exports/appeal-requirements.csv"})
  ResponseEntity<String> requirements(@RequestParam(defaultValue = "true") boolean hxl) {
    return csv(hxl ? "appeal-requirements-hxl.csv" : "appeal-requirements.csv",
        exports.requirements(hxl));
  }

  private static ResponseEntity<String> csv(String fileName, String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
