package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.APPEAL_TYPE;
import static org.eie.workflows.appeal.AppealVariables.ASSESSMENT_DUE;
import static org.eie.workflows.appeal.AppealVariables.ENDORSED;
import static org.eie.workflows.appeal.AppealVariables.ONSET;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PUBLICATION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.REVISION_DUE;
import static org.eie.workflows.appeal.AppealVariables.SIGNED_OFF;
import static org.eie.workflows.appeal.AppealVariables.SUBMISSION_DEADLINE;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * The appeal's record as other packages read it (the dashboard, the read API, the exports): its
 * facts, its trigger, its accepted projects and its deadlines over time, in types, so that only
 * this package knows which process variables hold them and how. Read from the engine's history,
 * so during and after the appeal, in bulk (one query per 500 appeals), as the caller: the
 * engine's authorization and tenant checks apply. A stored value that cannot be read reads as
 * absent and its variable is named in {@code damaged()}, never a failed read ({@link
 * StoredVariables}). The requirements are read behind {@code donors/AppealRequirements}.
 */
@Component
public class AppealRecords {

  private final HistoryService history;

  AppealRecords(HistoryService history) {
    this.history = history;
  }

  /** Narrows a query of appeals to those of one type ({@link AppealType}'s name). */
  public static HistoricProcessInstanceQuery ofType(HistoricProcessInstanceQuery query,
      String appealType) {
    return query.variableValueEquals(APPEAL_TYPE, appealType);
  }

  /**
   * The loose facts of each appeal, in one cheap read (a JSON variable costs one more read per
   * appeal, its byte array): appeal id -> facts, every id present.
   */
  public Map<String, Facts> facts(Collection<String> appealIds) {
    Map<String, Facts> facts = new HashMap<>();
    StoredVariables.of(history, appealIds, APPEAL_TYPE, ONSET, ASSESSMENT_DUE,
            PUBLICATION_DEADLINE, SUBMISSION_DEADLINE, SIGNED_OFF, ENDORSED, REVISION_DUE)
        .forEach((id, values) -> facts.put(id, new Facts(values)));
    return facts;
  }

  /** The trigger of each appeal: appeal id -> trigger, every id present. */
  public Map<String, Trigger> triggers(Collection<String> appealIds) {
    Map<String, Trigger> triggers = new HashMap<>();
    StoredVariables.of(history, appealIds, TRIGGER)
        .forEach((id, values) -> triggers.put(id, new Trigger(values)));
    return triggers;
  }

  /**
   * The projects the panel accepted, in the appeal's order: appeal id -> projects, every id
   * present (empty without projects, or if they cannot be read).
   */
  public Map<String, List<AcceptedProject>> acceptedProjects(Collection<String> appealIds) {
    Map<String, List<AcceptedProject>> accepted = new HashMap<>();
    StoredVariables.of(history, appealIds, PROJECTS)
        .forEach((id, values) -> accepted.put(id, accepted(values.object(PROJECTS))));
    return accepted;
  }

  private static List<AcceptedProject> accepted(JsonNode list) {
    List<AcceptedProject> projects = new ArrayList<>();
    if (list == null) {
      return projects;
    }
    for (JsonNode project : list.path("projects")) {
      if (!ProjectStatus.ACCEPTED.name().equals(text(project, "status"))) {
        continue;
      }
      List<String> areas = new ArrayList<>();
      project.path("locations").forEach(area -> areas.add(area.asText()));
      List<Activity> activities = new ArrayList<>();
      project.path("activities").forEach(line -> activities.add(new Activity(
          text(line, "activity"), line.path("budgetUsd").decimalValue())));
      JsonNode targeted = project.path("targeted");
      projects.add(new AcceptedProject(text(project, "id"), text(project, "title"),
          text(project, "partner"), areas, targeted.path("girls").asLong(),
          targeted.path("boys").asLong(), activities));
    }
    return projects;
  }

  /**
   * The deadlines of one appeal as they stood at any moment (a revision moves them, and a step
   * is judged against those in force when it began): one query per deadline.
   */
  public PastDeadlines pastDeadlines(String appealId) {
    return new PastDeadlines(StoredVariables.past(history, appealId, ASSESSMENT_DUE,
        SUBMISSION_DEADLINE, PUBLICATION_DEADLINE));
  }

  private static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
  }

  /**
   * An appeal's loose facts, each null if absent or unreadable; read lazily, so {@link
   * #damaged()} names the unreadable ones among those read so far.
   */
  public static final class Facts {
    private final StoredVariables values;

    Facts(StoredVariables values) {
      this.values = values;
    }

    /** {@link AppealType}'s name. */
    public String appealType() {
      return values.text(APPEAL_TYPE);
    }

    public Instant onset() {
      return values.instant(ONSET);
    }

    public Instant assessmentDue() {
      return values.instant(ASSESSMENT_DUE);
    }

    public Instant submissionDeadline() {
      return values.instant(SUBMISSION_DEADLINE);
    }

    public Instant publicationDeadline() {
      return values.instant(PUBLICATION_DEADLINE);
    }

    /** When the published version's revision falls due; absent while a revision is under way. */
    public Instant revisionDue() {
      return values.instant(REVISION_DUE);
    }

    /** The newest sign-off approved the appeal. */
    public Boolean signedOff() {
      return values.flag(SIGNED_OFF);
    }

    /** The Humanitarian Coordinator's newest endorsement approved the appeal. */
    public Boolean endorsed() {
      return values.flag(ENDORSED);
    }

    public List<String> damaged() {
      return values.damaged();
    }
  }

  /**
   * What triggered an appeal, each null if absent or unreadable; read lazily, so {@link
   * #damaged()} names the trigger if a read so far could not read it.
   */
  public static final class Trigger {
    private final StoredVariables values;

    Trigger(StoredVariables values) {
      this.values = values;
    }

    public String emergencyType() {
      return text(values.object(TRIGGER), "emergencyType");
    }

    public String situationSummary() {
      return text(values.object(TRIGGER), "situationSummary");
    }

    /** The affected areas' names; empty if none or unreadable. */
    public List<String> affectedAreas() {
      List<String> areas = values.json(TRIGGER, Trigger::affectedAreas);
      return areas == null ? List.of() : areas;
    }

    private static List<String> affectedAreas(JsonNode trigger) {
      JsonNode areas = trigger.path("affectedAreas");
      if (areas.isMissingNode() || areas.isNull()) {
        return List.of();
      }
      List<String> texts = new ArrayList<>();
      (areas.isArray() ? areas : StoredVariables.<JsonNode>fail())
          .forEach(area -> texts.add(area.isTextual() ? area.asText() : StoredVariables.fail()));
      return texts;
    }

    public List<String> damaged() {
      return values.damaged();
    }
  }

  /** A project the panel accepted; {@code girlsTargeted}/{@code boysTargeted}: the project's. */
  public record AcceptedProject(String id, String title, String partner, List<String> locations,
      long girlsTargeted, long boysTargeted, List<Activity> activities) {
  }

  /** One priority activity of a project: its code and budget (zero if it has none). */
  public record Activity(String code, BigDecimal budgetUsd) {
  }

  /** An appeal's deadlines at a moment: each the value last given at or before it, or null. */
  public static final class PastDeadlines {
    private final StoredVariables.Past past;

    PastDeadlines(StoredVariables.Past past) {
      this.past = past;
    }

    public Instant assessmentDue(Instant at) {
      return past.at(at).instant(ASSESSMENT_DUE);
    }

    public Instant submissionDeadline(Instant at) {
      return past.at(at).instant(SUBMISSION_DEADLINE);
    }

    public Instant publicationDeadline(Instant at) {
      return past.at(at).instant(PUBLICATION_DEADLINE);
    }
  }
}
