package org.eie.workflows.appeal;

import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.FieldError;
import java.net.URI;
import java.util.ArrayList;
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
 * The appeal's REST API, for the cluster's own tools: start an appeal, submit a partner project,
 * cancel an appeal, download the published document. Every call runs as the authenticated user.
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

  /** One budget line of a project. */
  record ActivityLine(String activity, java.math.BigDecimal budgetUsd) {
  }

  /** Whom a project reaches. */
  record PeopleTargeted(Long girls, Long boys, Long femaleTeachers, Long maleTeachers,
      Long withDisabilities) {
  }

  /** The body of {@code POST /api/appeals/{id}/projects}. */
  record SubmitProject(String partnerOrganisation, String title, List<ActivityLine> activities,
      List<String> locations, PeopleTargeted peopleTargeted, Long durationMonths) {
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

  /** A partner submits a project while the call is open; the same checks as in Tasklist. */
  @PostMapping("/{id}/projects")
  ResponseEntity<Map<String, Object>> submitProject(@PathVariable String id,
      @RequestBody SubmitProject body) {
    String projectId;
    try {
      projectId = appeals.submitProject(id, ProjectRequest.toFormFields(body));
    } catch (InvalidInput e) {
      // The form's field names, renamed back to the REST body's.
      throw new InvalidInput(e.errors().stream().map(ProjectRequest::restNamed).toList());
    }
    return ResponseEntity.created(URI.create("/api/appeals/" + id + "/projects/" + projectId))
        .body(Map.of("appealId", id, "projectId", projectId, "status", "SUBMITTED"));
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

    static Map<String, Object> toFormFields(SubmitProject body) {
      Map<String, Object> fields = new HashMap<>();
      List<FieldError> errors = new ArrayList<>();
      fields.put("partnerOrganisation", body.partnerOrganisation());
      fields.put("projectTitle", body.title());
      fields.put("locations", body.locations());
      fields.put("durationMonths", body.durationMonths());
      if (body.peopleTargeted() != null) {
        PeopleTargeted people = body.peopleTargeted();
        fields.put("girls", people.girls());
        fields.put("boys", people.boys());
        fields.put("femaleTeachers", people.femaleTeachers());
        fields.put("maleTeachers", people.maleTeachers());
        fields.put("withDisabilities", people.withDisabilities());
      } else {
        errors.add(new FieldError("peopleTargeted", "is required: {girls, boys, femaleTeachers,"
            + " maleTeachers, withDisabilities}"));
      }
      List<ActivityLine> activities = body.activities() == null ? List.of() : body.activities();
      if (activities.isEmpty()) {
        errors.add(new FieldError("activities", "needs at least one {activity, budgetUsd}"));
      }
      for (int i = 0; i < activities.size(); i++) {
        String at = "activities[" + i + "]";
        ActivityLine line = activities.get(i);
        if (line == null) {
          errors.add(new FieldError(at, "is not {activity, budgetUsd}"));
          continue;
        }
        PriorityActivity activity = PriorityActivity.parse(line.activity());
        if (activity == null) {
          errors.add(new FieldError(at + ".activity", "'" + line.activity()
              + "' is not a priority activity (one of "
              + java.util.Arrays.toString(PriorityActivity.values()) + ")"));
          continue;
        }
        if (fields.containsKey(activity.budgetField())) {
          errors.add(new FieldError(at + ".activity", activity + " appears twice"));
          continue;
        }
        if (line.budgetUsd() == null) {
          errors.add(new FieldError(at + ".budgetUsd", "is required"));
          continue;
        }
        fields.put(activity.budgetField(), line.budgetUsd());
      }
      fields.values().removeIf(java.util.Objects::isNull);
      InvalidInput.throwIfAny(errors);
      return fields;
    }

    static FieldError restNamed(FieldError error) {
      return new FieldError(REST_NAME_OF_FIELD.getOrDefault(error.field(), error.field()),
          error.message());
    }
  }
}
