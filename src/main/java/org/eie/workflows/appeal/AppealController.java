package org.eie.workflows.appeal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The appeal's REST API, for the cluster's own tools: start an appeal, submit a partner project,
 * cancel an appeal, download the published document. Every call runs as the authenticated user.
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
   * Starts an appeal. Body: country, emergencyType, onset (ISO-8601), affectedAreas (list),
   * appealType (default FLASH_APPEAL), situationSummary, optional peopleAffected,
   * schoolsAffected, language (en, fr).
   */
  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody Map<String, Object> body) {
    var instance = appeals.start(body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", instance.getId());
    answer.put("businessKey", instance.getBusinessKey());
    answer.put("country", instance.getTenantId());
    answer.put("document", "/api/appeals/" + instance.getId() + "/document");
    return ResponseEntity.created(URI.create("/api/appeals/" + instance.getId())).body(answer);
  }

  /**
   * A partner submits a project while the call is open. Body: partnerOrganisation, title,
   * activities [{activity, budgetUsd}], locations (list), peopleTargeted {girls, boys,
   * femaleTeachers, maleTeachers, withDisabilities}, durationMonths.
   */
  @PostMapping("/{id}/projects")
  ResponseEntity<Map<String, Object>> submitProject(@PathVariable String id,
      @RequestBody Map<String, Object> body) {
    String projectId = appeals.submitProject(id, ProjectRequest.toFormFields(body));
    return ResponseEntity.created(URI.create("/api/appeals/" + id + "/projects/" + projectId))
        .body(Map.of("appealId", id, "projectId", projectId, "status", "SUBMITTED"));
  }

  /** Cancels an appeal. Body: {"reason": "..."}. */
  @PostMapping("/{id}/cancellation")
  Map<String, Object> cancel(@PathVariable String id, @RequestBody Map<String, Object> body) {
    Object reason = body.get("reason");
    Cancellation cancellation = appeals.cancel(id, reason == null ? null : reason.toString());
    return Map.of("appealId", id, "cancelled", true, "reason", cancellation.reason(),
        "cancelledBy", cancellation.cancelledBy(), "cancelledAt", cancellation.cancelledAt());
  }

  /** The newest version of the appeal document, for users who may see the appeal; 404 otherwise. */
  @GetMapping("/{id}/document")
  ResponseEntity<byte[]> document(@PathVariable String id) {
    StoredDocument document = documents.latestVisible(id, AppealVariables.DOCUMENT_KIND)
        .orElseThrow(() -> new AppealNotFoundException(id));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName()).build().toString())
        .eTag("\"" + document.sha256() + "\"")
        .header("X-Document-Version", String.valueOf(document.version()))
        .header("X-Document-SHA256", document.sha256())
        .body(document.content());
  }

  /** The REST body of a project, flattened to the Tasklist form's fields (and errors renamed back). */
  static final class ProjectRequest {

    static final Map<String, String> REST_NAME_OF_FIELD = new HashMap<>(Map.of(
        "projectTitle", "title",
        "girls", "peopleTargeted.girls",
        "boys", "peopleTargeted.boys",
        "femaleTeachers", "peopleTargeted.femaleTeachers",
        "maleTeachers", "peopleTargeted.maleTeachers",
        "withDisabilities", "peopleTargeted.withDisabilities"));

    static {
      for (PriorityActivity activity : PriorityActivity.values()) {
        REST_NAME_OF_FIELD.put(activity.budgetField(), "activities[].budgetUsd");
      }
    }

    private ProjectRequest() {
    }

    static Map<String, Object> toFormFields(Map<String, Object> body) {
      Map<String, Object> fields = new HashMap<>();
      List<FieldError> errors = new ArrayList<>();
      fields.put("partnerOrganisation", body.get("partnerOrganisation"));
      fields.put("projectTitle", body.get("title"));
      Object locations = body.get("locations");
      fields.put("locations", locations instanceof List<?> list
          ? String.join("\n", list.stream().map(String::valueOf).toList()) : locations);
      fields.put("durationMonths", body.get("durationMonths"));
      if (body.get("peopleTargeted") instanceof Map<?, ?> people) {
        for (String key : List.of("girls", "boys", "femaleTeachers", "maleTeachers",
            "withDisabilities")) {
          fields.put(key, people.get(key));
        }
      } else {
        errors.add(new FieldError("peopleTargeted", "is required: {girls, boys, femaleTeachers,"
            + " maleTeachers, withDisabilities}"));
      }
      if (body.get("activities") instanceof List<?> activities && !activities.isEmpty()) {
        for (int i = 0; i < activities.size(); i++) {
          String at = "activities[" + i + "]";
          if (!(activities.get(i) instanceof Map<?, ?> line)) {
            errors.add(new FieldError(at, "is not {activity, budgetUsd}"));
            continue;
          }
          Object code = line.get("activity");
          if (code == null || !PriorityActivity.isKnown(code.toString())) {
            errors.add(new FieldError(at + ".activity", "'" + code
                + "' is not a priority activity (one of "
                + java.util.Arrays.toString(PriorityActivity.values()) + ")"));
            continue;
          }
          String budgetField = PriorityActivity.valueOf(code.toString()).budgetField();
          if (fields.containsKey(budgetField)) {
            errors.add(new FieldError(at + ".activity", code + " appears twice"));
            continue;
          }
          fields.put(budgetField, line.get("budgetUsd"));
          if (line.get("budgetUsd") == null) {
            errors.add(new FieldError(at + ".budgetUsd", "is required"));
          }
        }
      } else {
        errors.add(new FieldError("activities", "needs at least one {activity, budgetUsd}"));
      }
      fields.values().removeIf(java.util.Objects::isNull);
      if (!errors.isEmpty()) {
        throw new InvalidAppealInputException(errors);
      }
      return fields;
    }

    static FieldError restNamed(FieldError error) {
      return new FieldError(REST_NAME_OF_FIELD.getOrDefault(error.field(), error.field()),
          error.message());
    }
  }
}
