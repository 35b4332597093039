package org.eie.workflows.dashboard;

import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.forms.InvalidInput;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eie.workflows.identity.EieProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API: appeals, planning cycles and training rollouts as JSON, paged and filtered, read
 * as the caller. Another country's id answers the same 404 as an unknown one.
 */
@RestController
class ReadApiController {

  static final int MAX_SIZE = 200;
  private static final Set<String> STATUSES = Set.of("OPEN", "CLOSED", "PUBLISHED",
      "NOT_ACTIVATED", "CANCELLED");
  private static final Set<String> APPEAL_TYPES = Set.of("FLASH_APPEAL", "HRP_REVISION",
      "CERF_RAPID_RESPONSE", "ECW_FIRST_EMERGENCY_RESPONSE");

  private final AppealReads appeals;
  private final PlanningReads planning;
  private final TrainingReads training;
  private final StepDurations durations;
  private final EieProperties properties;

  ReadApiController(AppealReads appeals, PlanningReads planning, TrainingReads training,
      StepDurations durations, EieProperties properties) {
    this.appeals = appeals;
    this.planning = planning;
    this.training = training;
    this.durations = durations;
    this.properties = properties;
  }

  @GetMapping("/api/appeals")
  PageOf<AppealReads.Appeal> appeals(@RequestParam(required = false) String country,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String appealType,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    checkPage(page, size);
    if (country != null && !properties.isCountry(country.toUpperCase())) {
      throw new BadFilter("country", "'" + country + "' is not a country of eie.countries");
    }
    if (status != null && !STATUSES.contains(status.toUpperCase())) {
      throw new BadFilter("status", "is one of " + STATUSES);
    }
    if (appealType != null && !APPEAL_TYPES.contains(appealType.toUpperCase())) {
      throw new BadFilter("appealType", "is one of " + APPEAL_TYPES);
    }
    return appeals.page(new AppealReads.Filter(country == null ? null : country.toUpperCase(),
        status == null ? null : status.toUpperCase(),
        appealType == null ? null : appealType.toUpperCase(), overdue), page, size);
  }

  @GetMapping("/api/appeals/{id}")
  AppealReads.AppealDetail appeal(@PathVariable String id) {
    return appeals.detail(id).orElseThrow(() -> new NotVisibleException("appeal", id));
  }

  /**
   * Any version of the appeal document (the appeal API's /document gives the newest), in the
   * language it was signed off in or in {@code ?lang=}.
   */
  @GetMapping("/api/appeals/{id}/documents/{version}")
  ResponseEntity<byte[]> appealDocument(@PathVariable String id, @PathVariable int version,
      @RequestParam(required = false) String lang) {
    return PdfDownload.of(appeals.document(id, version, lang)
        .orElseThrow(() -> new NotVisibleException("appeal document", id + " v" + version)));
  }

  @GetMapping("/api/planning-cycles")
  PageOf<PlanningReads.Cycle> planningCycles(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    checkPage(page, size);
    checkOpenOrClosed(status);
    return planning.page(status, page, size);
  }

  @GetMapping("/api/planning-cycles/{id}")
  PlanningReads.Cycle planningCycle(@PathVariable String id) {
    return planning.detail(id).orElseThrow(() -> new NotVisibleException("planning cycle", id));
  }

  @GetMapping("/api/training-rollouts")
  PageOf<TrainingReads.Rollout> rollouts(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    checkPage(page, size);
    checkOpenOrClosed(status);
    return training.page(status, page, size);
  }

  @GetMapping("/api/training-rollouts/{id}")
  TrainingReads.Rollout rollout(@PathVariable String id) {
    return training.detail(id).orElseThrow(() -> new NotVisibleException("training rollout", id));
  }

  /** Time per human step that somebody completed (median, 90th percentile), per process. */
  @GetMapping("/api/step-durations")
  Map<String, List<StepDurations.StepTime>> stepDurations() {
    return Map.of(
        "appeals", durations.of(StepDurations.APPEALS),
        "trainingRollouts", durations.of(StepDurations.TRAINING_ROLLOUTS),
        "planningCycles", durations.of(StepDurations.PLANNING_CYCLES));
  }

  static void checkPage(int page, int size) {
    if (page < 0) {
      throw new BadFilter("page", "is 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadFilter("size", "is between 1 and " + MAX_SIZE);
    }
  }

  private static void checkOpenOrClosed(String status) {
    if (status != null && !Set.of("OPEN", "CLOSED").contains(status.toUpperCase())) {
      throw new BadFilter("status", "is OPEN or CLOSED");
    }
  }

  /** A filter or paging parameter the API cannot use: 400 naming it (problem details). */
  static final class BadFilter extends InvalidInput {
    BadFilter(String field, String message) {
      super(field, message);
    }
  }
}
