package org.eie.workflows.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.appeal.AppealRecords;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.donors.AppealRequirements;
import org.eie.workflows.donors.Coverage;
import org.eie.workflows.donors.DonorReads;
import org.eie.workflows.donors.FundingCoverage;
import org.eie.workflows.identity.EngineRecord;
import org.springframework.stereotype.Service;

/**
 * The appeals a caller may see, as the read API and the dashboard show them: country, emergency,
 * type, stage, every deadline with its state, and funding. Every engine query runs as the caller,
 * so the engine's tenant check leaves out other countries.
 */
@Service
class AppealReads {

  static final String DOCUMENT_KIND = "appeal";
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** Steps within the preparation that the publication deadline covers (they have none of their own). */
  private static final List<String> PREPARATION_STEPS = List.of("Task_FollowUpOverdueAssessment",
      "Task_DraftResponsePlan", "Task_VetProject", "Task_ReviseProject",
      "Task_ConsolidateRequirements", "Task_ReviewConsolidation", "Task_SignOffUnicef",
      "Task_SignOffSaveTheChildren", "Task_EndorseAppeal", "Task_FollowUpOverdueEndorsement");

  private final HistoryService history;
  private final EngineReads reads;
  private final FundingCoverage coverage;
  private final AppealRequirements requirements;
  private final DocumentStore documents;
  private final EngineRecord record;
  private final DonorReads donors;
  private final AppealStanding standing;
  private final AppealRecords records;

  AppealReads(HistoryService history, EngineReads reads, FundingCoverage coverage,
      AppealRequirements requirements, DocumentStore documents, EngineRecord record,
      DonorReads donors, AppealStanding standing, AppealRecords records) {
    this.history = history;
    this.reads = reads;
    this.coverage = coverage;
    this.requirements = requirements;
    this.documents = documents;
    this.record = record;
    this.donors = donors;
    this.standing = standing;
    this.records = records;
  }

  /**
   * Filters of a list; null means any. {@code status}: OPEN, CLOSED (ended, however), or how it
   * ended: PUBLISHED, NOT_ACTIVATED, CANCELLED.
   */
  record Filter(String country, String status, String appealType, Boolean overdue) {
    static final Filter ANY = new Filter(null, null, null, null);
  }

  /** {@code damaged}: what could not be read for the requirement (named by the appeal). */
  record Funding(BigDecimal requiredUsd, BigDecimal fundedUsd, BigDecimal pledgedUsd,
      BigDecimal coveragePercent, @JsonIgnore List<String> damaged) {
  }

  /**
   * @param status OPEN, PUBLISHED, NOT_ACTIVATED, CANCELLED or CLOSED
   * @param stage  the steps it is at now (open appeals; filled for the page shown)
   * @param damaged the stored variables that could not be read (wrong type, not JSON, JSON of
   *               the wrong shape): what they give is absent (null) and the rest is read
   */
  record Appeal(String id, String businessKey, String country, String countryName,
      String emergencyType, String appealType, Instant onset, Long daysSinceOnset, String status,
      Instant startedAt, Instant endedAt, List<String> stage, List<Deadline> deadlines,
      Deadline nextDeadline, boolean overdue, Funding funding, List<String> damaged) {

    Appeal completed(String emergencyType, List<String> stage, Funding funding,
        AppealRecords.Trigger trigger) {
      return new Appeal(id, businessKey, country, countryName, emergencyType, appealType, onset,
          daysSinceOnset, status, startedAt, endedAt, stage, deadlines, nextDeadline, overdue,
          funding, union(damaged, trigger.damaged(), funding.damaged()));
    }

    boolean open() {
      return "OPEN".equals(status);
    }
  }

  record DocumentVersion(int version, String fileName, String sha256, int sizeBytes,
      Instant createdAt, String href) {
  }

  /**
   * One step of the timeline. {@code deadline}: the due date that applied to it;
   * {@code onTime}: finished by it (null without a deadline or while running).
   */
  record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
      Long durationMinutes, String completedBy, Instant deadline, Boolean onTime,
      Long minutesAgainstDeadline) {
  }

  /** {@code damaged}: every stored variable of the appeal this answer could not read. */
  record AppealDetail(Appeal appeal, String situationSummary, List<String> affectedAreas,
      Coverage coverage, List<DocumentVersion> documents,
      List<DonorReads.DonorDelivery> deliveries, List<Step> timeline, List<String> damaged) {
  }

  @SafeVarargs
  private static List<String> union(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).distinct().sorted().toList();
  }

  /** Every appeal the caller sees, filtered, in the lists' order, with its deadlines. */
  List<Appeal> all(Filter filter) {
    return standing.listing(filter).ordered();
  }

  /** The appeals a caller sees, filtered, in the lists' order, and their counts. */
  AppealStanding.Listing listing(Filter filter) {
    return standing.listing(filter);
  }

  /** A page of the list, its appeals with deadlines, stage and funding. */
  PageOf<Appeal> page(Filter filter, int page, int size) {
    return page(listing(filter), page, size);
  }

  PageOf<Appeal> page(AppealStanding.Listing listing, int page, int size) {
    PageOf<Appeal> appeals = PageOf.of(listing.ordered(), page, size);
    return new PageOf<>(completed(appeals.items()), page, size, appeals.total());
  }

  /**
   * Emergency, stage and funding for the appeals shown (the rest of a long list needs none of
   * them).
   */
  List<Appeal> completed(List<Appeal> appeals) {
    List<String> ids = appeals.stream().map(Appeal::id).toList();
    Map<String, Funding> funding = funding(ids);
    Map<String, AppealRecords.Trigger> triggers = records.triggers(ids);
    Map<String, List<String>> openTasks = reads.openTasks(appeals.stream()
        .filter(Appeal::open).map(Appeal::businessKey).toList());
    return appeals.stream().map(appeal -> {
      AppealRecords.Trigger trigger = triggers.get(appeal.id());
      return appeal.completed(trigger.emergencyType(),
          !appeal.open() ? List.of()
              // waiting for no person (a job, a timer, a called process): the engine's activities
              : openTasks.getOrDefault(appeal.id(), List.of()).isEmpty()
                  ? reads.stage(appeal.id()) : openTasks.get(appeal.id()),
          funding.get(appeal.id()), trigger);
    }).toList();
  }

  Optional<AppealDetail> detail(String id) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(id).processDefinitionKey(Processes.APPEAL).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    Appeal appeal = completed(standing.appeals(List.of(instance), id)).get(0);
    AppealRecords.Trigger trigger = records.triggers(List.of(id)).get(id);
    String situation = trigger.situationSummary();
    List<String> areas = trigger.affectedAreas();
    Coverage covered = coverage.coverageOf(id);
    return Optional.of(new AppealDetail(appeal, situation, areas, covered, documentVersions(id),
        donors.deliveries(id), timeline(id), union(appeal.damaged(), trigger.damaged(),
            covered.damaged())));
  }

  /**
   * Only for an appeal the caller may see (the engine decides).
   *
   * @param language null for the language the version was signed off in
   */
  Optional<StoredDocument> document(String id, int version, String language) {
    boolean appeal = history.createHistoricProcessInstanceQuery().processInstanceId(id)
        .processDefinitionKey(Processes.APPEAL).count() > 0;
    return appeal ? documents.visibleRendering(id, DOCUMENT_KIND, version, language)
        : Optional.empty();
  }

  /**
   * Funded (committed + paid), pledged and coverage of many appeals in two reads: the pledges
   * summed by the database ({@code donors/DonorReads}), the requirement as
   * {@code donors/AppealRequirements} reads it.
   */
  Map<String, Funding> funding(Collection<String> appealIds) {
    Map<String, Funding> funding = new HashMap<>();
    if (appealIds.isEmpty()) {
      return funding;
    }
    Map<String, DonorReads.PledgeTotals> sums = donors.pledgeTotals(appealIds);
    Map<String, AppealRequirements.Requirements> required = requirements.of(appealIds);
    for (String id : appealIds) {
      var requirement = Optional.ofNullable(required.get(id));
      DonorReads.PledgeTotals pledged = sums.getOrDefault(id, DonorReads.PledgeTotals.NONE);
      BigDecimal total = requirement.map(AppealRequirements.Requirements::totalUsd).orElse(null);
      BigDecimal percent = total == null || total.signum() <= 0 ? null
          : pledged.fundedUsd().multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP);
      funding.put(id, new Funding(total, pledged.fundedUsd(), pledged.pledgedUsd(), percent,
          requirement.map(AppealRequirements.Requirements::damaged).orElse(List.of())));
    }
    return funding;
  }

  private List<DocumentVersion> documentVersions(String id) {
    return documents.renderings(id, DOCUMENT_KIND).stream()
        .map(rendering -> new DocumentVersion(rendering.version(), rendering.fileName(),
            rendering.sha256(), rendering.sizeBytes(), rendering.createdAt(),
            "/api/appeals/" + id + "/documents/" + rendering.version()))
        .toList();
  }

  /**
   * Each step from the engine's history: who completed it, when, how long, and against the
   * deadline in force when it began — a revision moves the appeal's deadlines, and version 1's
   * steps are still judged against version 1's.
   */
  private List<Step> timeline(String id) {
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(id).list()
        .forEach(task -> tasks.put(task.getId(), task));
    AppealRecords.PastDeadlines deadlines = records.pastDeadlines(id);
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
        .processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list()) {
      String type = activity.getActivityType();
      if (!List.of("userTask", "callActivity", "serviceTask", "businessRuleTask",
          "noneEndEvent").contains(type)) {
        continue;
      }
      HistoricTaskInstance task = activity.getTaskId() == null ? null
          : tasks.get(activity.getTaskId());
      String completedBy = null;
      if (task != null && activity.getEndTime() != null) {
        completedBy = record.completedBy(task.getId()).orElse(task.getAssignee());
      }
      Instant start = activity.getStartTime().toInstant();
      String deadlineName = deadlineOf(activity.getActivityId());
      Instant deadline = task != null && task.getDueDate() != null
          ? task.getDueDate().toInstant() : deadlineName == null ? null
          : deadlineAt(deadlines, deadlineName, start);
      Instant end = activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
      Boolean onTime = deadline == null || end == null ? null : !end.isAfter(deadline);
      Long against = deadline == null ? null
          : Duration.between(deadline, end == null ? EngineReads.now() : end).toMinutes();
      steps.add(new Step(activity.getActivityId(), activity.getActivityName(), type, start, end,
          end == null ? null : Duration.between(start, end).toMinutes(), completedBy, deadline,
          onTime, against));
    }
    return steps;
  }

  /** The deadline of that name in force at a moment. */
  private static Instant deadlineAt(AppealRecords.PastDeadlines deadlines, String name,
      Instant at) {
    return switch (name) {
      case "assessment" -> deadlines.assessmentDue(at);
      case "submission" -> deadlines.submissionDeadline(at);
      default -> deadlines.publicationDeadline(at);
    };
  }

  private static String deadlineOf(String activityId) {
    if ("Task_RapidNeedsAssessment".equals(activityId)) {
      return "assessment";
    }
    if ("Task_SubmitProject".equals(activityId)) {
      return "submission";
    }
    return PREPARATION_STEPS.contains(activityId) ? "publication" : null;
  }
}
