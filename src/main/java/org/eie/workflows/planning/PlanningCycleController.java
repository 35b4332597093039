package org.eie.workflows.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import java.net.URI;
import org.camunda.bpm.engine.HistoryService;
import org.eie.workflows.Processes;
import org.eie.workflows.forms.NotFound;
import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
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
    // Out of range: 400 naming the field; already running: 409 (both from the cycle's start).
    int firstYear = PrepareCycle.firstYear(request.firstYear());
    var instance = cycles.start(firstYear, request.documentLanguage());
    return ResponseEntity.created(URI.create("/api/planning-cycles/" + instance.getId()))
        .body(new StartedCycle(instance.getId(), instance.getBusinessKey(), firstYear,
            firstYear + "-" + (firstYear + 2)));
  }

  @GetMapping("/{id}/document")
  ResponseEntity<byte[]> document(@PathVariable String id) {
    var isCycle = history.createHistoricProcessInstanceQuery()
        .processInstanceId(id).processDefinitionKey(Processes.PLANNING).count() > 0;
    return PdfDownload.of((isCycle ? documents.latestVisible(id, PlanDocument.KIND)
        : Optional.<StoredDocument>empty())
        .orElseThrow(() -> new NotFound("No plan document of a cycle " + id + " that you may see")));
  }

}
