package org.eie.workflows.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a planning cycle ({@code POST /api/planning-cycles}, the Secretariat or the GEC Unit)
 * and hands out the finished cycle's plan document to whoever may see the cycle.
 */
@RestController
@RequestMapping("/api/planning-cycles")
class PlanningCycleController {

  /**
   * @param firstYear        the plan's first year (a plan for 2027-2029 starts in 2027)
   * @param documentLanguage language of the plan document, {@code en} (default) or {@code fr}
   */
  record StartCycleRequest(@NotNull(message = "the first year of the plan is required") Integer firstYear,
      @Pattern(regexp = "en|fr", message = "must be en or fr") String documentLanguage) {
  }

  record StartedCycle(String id, String businessKey, int firstYear, String cycle) {
  }

  private final PlanningCycles cycles;
  private final DocumentStore documents;
  private final HistoryService history;

  PlanningCycleController(PlanningCycles cycles, DocumentStore documents,
      HistoryService history) {
    this.cycles = cycles;
    this.documents = documents;
    this.history = history;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> start(@Valid @RequestBody StartCycleRequest request) {
    int firstYear = PrepareCycle.firstYear(request.firstYear()); // 400 naming the field if out of range
    if (cycles.isRunning(firstYear)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("errors", List.of(Map.of(
          "field", "firstYear",
          "message", "a planning cycle for " + firstYear + "-" + (firstYear + 2)
              + " is already running"))));
    }
    var instance = cycles.start(firstYear, request.documentLanguage());
    return ResponseEntity.created(URI.create("/api/planning-cycles/" + instance.getId()))
        .body(new StartedCycle(instance.getId(), instance.getBusinessKey(), firstYear,
            firstYear + "-" + (firstYear + 2)));
  }

  @GetMapping("/{id}/document")
  ResponseEntity<byte[]> document(@PathVariable String id) {
    var isCycle = history.createHistoricProcessInstanceQuery()
        .processInstanceId(id).processDefinitionKey(PlanningCycles.PROCESS_KEY).count() > 0;
    StoredDocument document = isCycle
        ? documents.latestVisible(id, PlanDocument.KIND).orElse(null) : null;
    if (document == null) {
      return ResponseEntity.notFound().build();
    }
    return PdfDownload.of(document);
  }

}
