package org.eie.workflows.appeal;

import org.eie.workflows.documents.PdfDownload;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The appeal's REST API, for the cluster's own tools: start an appeal, cancel it, decide its
 * revision, download the published document (a partner project is submitted through {@code
 * appeal/projects/ProjectSubmissionController}). Every call runs as the authenticated user.
 * Bodies are typed records read strictly (forms/StrictJson); their values are checked by the same
 * form reader as Tasklist's forms.
 */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

  private final AppealService appeals;
  private final DocumentStore documents;

  AppealController(AppealService appeals, DocumentStore documents) {
    this.appeals = appeals;
    this.documents = documents;
  }

  /**
   * The body of {@code POST /api/appeals}: the trigger, as the Tasklist start form has it. The
   * engine's start listener checks it, once, for both ways in.
   */
  record StartAppeal(String country, String emergencyType, String onset,
      List<String> affectedAreas, String appealType, String situationSummary,
      Long peopleAffected, Long schoolsAffected, String language, Boolean onsetConfirmed) {

    Map<String, Object> asFormFields() {
      Map<String, Object> fields = new HashMap<>();
      fields.put("country", country);
      fields.put("emergencyType", emergencyType);
      fields.put("onset", onset);
      fields.put("affectedAreas", affectedAreas);
      fields.put("appealType", appealType);
      fields.put("situationSummary", situationSummary);
      fields.put("peopleAffected", peopleAffected);
      fields.put("schoolsAffected", schoolsAffected);
      fields.put("language", language);
      fields.put(AppealInputs.ONSET_CONFIRMED, onsetConfirmed);
      fields.values().removeIf(java.util.Objects::isNull);
      return fields;
    }
  }

  /** The body of {@code POST /api/appeals/{id}/cancellation}, {@code /revision}, {@code /closure}. */
  record CancelAppeal(String reason) {
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody StartAppeal body) {
    var instance = appeals.start(body.asFormFields());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", instance.getId());
    answer.put("businessKey", instance.getBusinessKey());
    answer.put("country", instance.getTenantId());
    answer.put("document", "/api/appeals/" + instance.getId() + "/document");
    return ResponseEntity.created(URI.create("/api/appeals/" + instance.getId())).body(answer);
  }

  /** Cancels an appeal, with the reason recorded. */
  @PostMapping("/{id}/cancellation")
  Map<String, Object> cancel(@PathVariable String id, @RequestBody CancelAppeal body) {
    Cancellation cancellation = appeals.cancel(id, body.reason());
    return Map.of("appealId", id, "cancelled", true, "reason", cancellation.reason(),
        "cancelledBy", cancellation.cancelledBy(), "cancelledAt", cancellation.cancelledAt());
  }

  /** A published appeal is revised now, before its revision is due; the reason is recorded. */
  @PostMapping("/{id}/revision")
  Map<String, Object> reviseNow(@PathVariable String id, @RequestBody CancelAppeal body) {
    return decided(id, appeals.decideRevision(id, RevisionDecision.REVISE_NOW, body.reason()));
  }

  /** A published appeal is closed with no (further) revision; the reason is recorded. */
  @PostMapping("/{id}/closure")
  Map<String, Object> close(@PathVariable String id, @RequestBody CancelAppeal body) {
    return decided(id, appeals.decideRevision(id, RevisionDecision.CLOSE, body.reason()));
  }

  private static Map<String, Object> decided(String id, RevisionDecision decision) {
    return Map.of("appealId", id, "decision", decision.decision(), "reason", decision.reason(),
        "decidedBy", decision.decidedBy(), "decidedAt", decision.decidedAt());
  }

  /**
   * The newest version of the appeal document, in the language it was signed off in or in
   * {@code ?lang=} (any of the five, laid out when first asked for), for users who may see the
   * appeal; 404 otherwise.
   */
  @GetMapping("/{id}/document")
  ResponseEntity<byte[]> document(@PathVariable String id,
      @RequestParam(required = false) String lang) {
    StoredDocument document = documents.visibleRendering(id, AppealVariables.DOCUMENT_KIND,
        null, lang).orElseThrow(() -> new AppealNotFoundException(id));
    return PdfDownload.of(document);
  }
}
