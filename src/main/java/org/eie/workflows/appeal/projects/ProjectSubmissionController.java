package org.eie.workflows.appeal.projects;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.appeal.PriorityActivity;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/appeals/{id}/projects}: a partner submits a project while the appeal's call is
 * open, as the authenticated partner. The body is a typed record read strictly
 * (forms/StrictJson), flattened to the Tasklist form's fields; the form's recorder checks it.
 */
@RestController
@RequestMapping("/api/appeals")
class ProjectSubmissionController {

  private final ProjectSubmissions submissions;

  ProjectSubmissionController(ProjectSubmissions submissions) {
    this.submissions = submissions;
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

  /** A partner submits a project while the call is open; the same checks as in Tasklist. */
  @PostMapping("/{id}/projects")
  ResponseEntity<Map<String, Object>> submitProject(@PathVariable String id,
      @RequestBody SubmitProject body) {
    String projectId;
    try {
      projectId = submissions.submit(id, ProjectRequest.toFormFields(body));
    } catch (InvalidInput e) {
      // The form's field names, renamed back to the REST body's.
      throw new InvalidInput(e.errors().stream().map(ProjectRequest::restNamed).toList());
    }
    return ResponseEntity.created(URI.create("/api/appeals/" + id + "/projects/" + projectId))
        .body(Map.of("appealId", id, "projectId", projectId, "status", "SUBMITTED"));
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
