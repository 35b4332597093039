package org.eie.workflows.appeal;

import org.eie.workflows.forms.FormReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.identity.EieProperties;
import org.springframework.stereotype.Component;

/**
 * Turns what a co-lead or partner submitted (Tasklist form or REST) into the appeal's typed
 * records, refusing bad input with every offending field named. The same rules whichever way the
 * input came: the REST API checks here before it touches the engine, the process checks here
 * again when a form is submitted.
 */
@Component
public class AppealInputs {

  public static final Set<String> LANGUAGES =
      Set.copyOf(org.eie.workflows.language.Languages.CODES);
  static final Set<String> VETTING_DECISIONS = Set.of("ACCEPT", "RETURN", "REJECT");
  static final int MAX_PROJECT_MONTHS = 12;
  /** A CERF project's implementing partners, one organisation a line. */
  public static final String IMPLEMENTING_PARTNERS = "implementingPartners";
  /**
   * An onset further back than this is confirmed explicitly (a misread date, day for month,
   * started an appeal with every deadline overdue).
   */
  static final java.time.Duration CONFIRM_ONSET_OLDER_THAN = java.time.Duration.ofDays(14);
  static final String ONSET_CONFIRMED = "onsetConfirmed";

  private final EieProperties properties;

  public AppealInputs(EieProperties properties) {
    this.properties = properties;
  }

  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  AppealTrigger trigger(Map<String, ?> values) {
    var form = new FormReader(values);
    String country = form.text("country", true);
    if (country != null && !properties.isCountry(country)) {
      form.error("country", "'" + country + "' is not a country cluster of this installation"
          + " (known: " + String.join(", ", properties.countries().keySet()) + ")");
    }
    String emergencyType = form.text("emergencyType", true);
    OffsetDateTime onset = form.dateTime("onset", true);
    if (onset != null && onset.isAfter(now())) {
      form.error("onset", "is in the future (" + onset + "): an appeal follows an emergency"
          + " that has begun");
    }
    if (onset != null && onset.isBefore(now().minus(CONFIRM_ONSET_OLDER_THAN))
        && !Boolean.TRUE.equals(confirmed(values.get(ONSET_CONFIRMED)))) {
      form.error(ONSET_CONFIRMED, "tick it to confirm the onset " + onset.toLocalDate()
          + ", more than " + CONFIRM_ONSET_OLDER_THAN.toDays() + " days ago: every deadline of"
          + " the appeal counts from it, so an older onset starts the appeal overdue");
    }
    List<String> areas = form.lines("affectedAreas", true);
    String appealType = form.has("appealType") ? form.text("appealType", false)
        : AppealType.FLASH_APPEAL.name();
    if (Arrays.stream(AppealType.values()).noneMatch(t -> t.name().equals(appealType))) {
      form.error("appealType", "'" + appealType + "' is not an appeal type (one of "
          + Arrays.toString(AppealType.values()) + ")");
    }
    String summary = form.text("situationSummary", true);
    Long people = form.count("peopleAffected", false);
    Long schools = form.count("schoolsAffected", false);
    String language = form.has("language") ? form.text("language", false) : "en";
    if (language != null && !LANGUAGES.contains(language)) {
      form.error("language", "'" + language + "' is not a language of the appeal document "
          + LANGUAGES);
    }
    form.throwIfInvalid();
    return new AppealTrigger(country, emergencyType, onset.toString(), areas, appealType, summary,
        people, schools, language);
  }

  private static Boolean confirmed(Object value) {
    return value instanceof Boolean b ? b : value == null ? null : Boolean.valueOf(value.toString());
  }

  Activation activation(Map<String, ?> values, String user) {
    var form = new FormReader(values);
    Boolean activated = null;
    Object go = values.get("activated");
    if (go instanceof Boolean b) {
      activated = b;
    } else if (go != null && Set.of("true", "false").contains(go.toString())) {
      activated = Boolean.valueOf(go.toString());
    } else {
      form.error("activated", "say whether the appeal goes ahead (true) or not (false)");
    }
    String reason = form.text("activationReason", true);
    String lead = form.text("appealLead", false);
    form.throwIfInvalid();
    return new Activation(activated, reason, lead, user, now().toString());
  }

  public NeedsAssessment assessment(Map<String, ?> values, String user) {
    var form = new FormReader(values);
    Long girls = form.count("girlsInNeed", true);
    Long boys = form.count("boysInNeed", true);
    Long disabled = form.count("withDisabilitiesInNeed", true);
    Long migrants = form.count("migrantsInNeed", false);
    Long host = form.count("hostCommunityInNeed", false);
    Long damaged = form.count("schoolsDamaged", true);
    Long destroyed = form.count("schoolsDestroyed", true);
    Long shelters = form.count("schoolsUsedAsShelters", true);
    Long teachers = form.count("teachersAffected", true);
    List<String> areas = form.lines("assessedAreas", true);
    List<String> gaps = form.lines("dataGaps", false);
    if (girls != null && boys != null && disabled != null && disabled > girls + boys) {
      form.error("withDisabilitiesInNeed", "is more than the girls and boys in need together");
    }
    form.throwIfInvalid();
    return new NeedsAssessment(girls, boys, disabled, migrants, host, damaged, destroyed,
        shelters, teachers, areas, gaps, user, now().toString());
  }

  PlannedResponse plan(Map<String, ?> values, String user) {
    var form = new FormReader(values);
    List<String> objectives = form.lines("objectives", true);
    List<String> activities = activities(form, "priorityActivities");
    PeopleTargeted targeted = people(form, "target");
    BigDecimal requirement = form.money("indicativeRequirementUsd", true);
    OffsetDateTime deadline = form.dateTime("submissionDeadline", true);
    if (deadline != null && !deadline.isAfter(now())) {
      form.error("submissionDeadline", "must be in the future: partners need time to submit");
    }
    List<PlannedResponse.ActivityPlan> activityPlans = new ArrayList<>();
    for (String activity : activities) {
      if (!PriorityActivity.isKnown(activity)) {
        continue;
      }
      PriorityActivity known = PriorityActivity.valueOf(activity);
      String indicator = form.text(known.indicatorField(), false);
      BigDecimal target = form.money(known.targetField(), false);
      BigDecimal activityRequirement = form.money(known.requirementField(), false);
      if (indicator != null || target != null || activityRequirement != null) {
        activityPlans.add(new PlannedResponse.ActivityPlan(activity, indicator, target,
            activityRequirement));
      }
    }
    BigDecimal planned = activityPlans.stream()
        .map(PlannedResponse.ActivityPlan::indicativeRequirementUsd)
        .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (requirement != null && planned.compareTo(requirement) > 0) {
      form.error("indicativeRequirementUsd", "is less than the activities' indicative"
          + " requirements together (" + planned.toPlainString() + ")");
    }
    form.throwIfInvalid();
    return new PlannedResponse(objectives, activities, targeted, requirement, deadline.toString(),
        user, now().toString(), activityPlans);
  }

  /** The plan's activities as amended at consolidation review. */
  List<String> amendedActivities(Map<String, ?> values) {
    var form = new FormReader(values);
    List<String> activities = activities(form, "priorityActivities");
    form.throwIfInvalid();
    return activities;
  }

  /**
   * A partner's project as submitted or revised; id, status and history are the caller's, and so
   * is the organisation: {@code partnerOrganisation} is optional, the registry decides
   * ({@code appeal/projects/SubmittingOrganisation}).
   */
  PartnerProject project(Map<String, ?> values, String user) {
    return project(values, user, null);
  }

  /**
   * The same, and every location must be one of the appeal's affected areas (as the call for
   * projects says), compared without regard to case or surrounding spaces; {@code affectedAreas}
   * null when the caller does not know them (a call opened before they were handed on).
   */
  PartnerProject project(Map<String, ?> values, String user, List<String> affectedAreas) {
    return project(values, user, affectedAreas, AppealType.FLASH_APPEAL);
  }

  /**
   * The same, under the rules of the appeal's type ({@link AppealType}): a CERF project names at
   * least one implementing partner ({@value #IMPLEMENTING_PARTNERS}, one a line) and runs at most
   * 6 months, an ECW First Emergency Response grant at most 12; other types keep the general
   * limit only. Who may apply is the caller's to check ({@code appeal/projects/CerfAgencies}): it
   * depends on the organisation, which the registry decides.
   */
  public PartnerProject project(Map<String, ?> values, String user, List<String> affectedAreas,
      AppealType type) {
    var form = new FormReader(values);
    String partner = form.text("partnerOrganisation", false);
    String title = form.text("projectTitle", true);
    List<ActivityBudget> budgets = new ArrayList<>();
    for (PriorityActivity activity : PriorityActivity.values()) {
      BigDecimal budget = form.money(activity.budgetField(), false);
      if (budget != null && budget.signum() > 0) {
        budgets.add(new ActivityBudget(activity.name(), budget));
      }
    }
    if (budgets.isEmpty() && form.errors().stream()
        .noneMatch(e -> e.field().startsWith("budget"))) {
      form.error("activities", "a project needs a budget in USD for at least one activity");
    }
    List<String> locations = form.lines("locations", true);
    refuseLocationsOutside(form, locations, affectedAreas);
    PeopleTargeted targeted = people(form, "");
    Long months = form.count("durationMonths", true);
    Integer typeLimit = type.maxProjectMonths();
    if (months != null && typeLimit != null && months > typeLimit) {
      form.error("durationMonths", "is " + months + " months: " + switch (type) {
        case CERF_RAPID_RESPONSE -> "a CERF rapid response project runs at most " + typeLimit
            + " months (CERF funds are spent within " + typeLimit + " months)";
        default -> "an ECW First Emergency Response grant runs at most " + typeLimit + " months";
      });
    } else if (months != null && (months < 1 || months > MAX_PROJECT_MONTHS)) {
      form.error("durationMonths", "must be between 1 and " + MAX_PROJECT_MONTHS + " months");
    }
    List<String> implementingPartners = List.of();
    if (type.cerfAgenciesOnly()) {
      implementingPartners = form.lines(IMPLEMENTING_PARTNERS, false);
      if (implementingPartners.isEmpty() && form.errors().stream()
          .noneMatch(e -> e.field().equals(IMPLEMENTING_PARTNERS))) {
        form.error(IMPLEMENTING_PARTNERS, "a CERF project names at least one implementing"
            + " partner, one organisation a line: the applicant agency states who carries"
            + " the project out with it");
      }
    }
    form.throwIfInvalid();
    return new PartnerProject(null, partner, null, title, budgets, locations, targeted,
        months.intValue(), ProjectStatus.SUBMITTED, 1, user, now().toString(), List.of(),
        implementingPartners);
  }

  public Vetting vetting(Map<String, ?> values, String user) {
    var form = new FormReader(values);
    int[] ratings = new int[5];
    String[] fields = {"strategicRelevance", "programmaticRelevance", "costEffectiveness",
        "managementAndMonitoring", "accountability"};
    for (int i = 0; i < fields.length; i++) {
      Long rating = form.count(fields[i], true);
      if (rating != null && rating > Scorecard.MAX_RATING) {
        form.error(fields[i], "is rated 0 to " + Scorecard.MAX_RATING);
      } else if (rating != null) {
        ratings[i] = rating.intValue();
      }
    }
    String decision = form.text(AppealVariables.VETTING_DECISION, true);
    if (decision != null && !VETTING_DECISIONS.contains(decision)) {
      form.error(AppealVariables.VETTING_DECISION, "is one of " + VETTING_DECISIONS);
    }
    String comment = form.text("vettingComment", true);
    form.throwIfInvalid();
    var card = new Scorecard.Ratings(ratings[0], ratings[1], ratings[2], ratings[3], ratings[4]);
    return new Vetting(card, Scorecard.weightedScore(card), decision, comment, user,
        now().toString());
  }

  private static void refuseLocationsOutside(FormReader form, List<String> locations,
      List<String> affectedAreas) {
    if (affectedAreas == null || affectedAreas.isEmpty()) {
      return;
    }
    Set<String> areas = affectedAreas.stream().map(AppealInputs::areaKey)
        .collect(java.util.stream.Collectors.toSet());
    List<String> outside = locations.stream().filter(l -> !areas.contains(areaKey(l))).toList();
    if (!outside.isEmpty()) {
      form.error("locations", String.join(", ", outside) + (outside.size() == 1 ? " is" : " are")
          + " not an affected area of this appeal; choose from: "
          + String.join(", ", affectedAreas));
    }
  }

  private static String areaKey(String area) {
    return area.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> activities(FormReader form, String field) {
    List<String> activities = form.lines(field, true);
    for (String activity : activities) {
      if (!PriorityActivity.isKnown(activity)) {
        form.error(field, "'" + activity + "' is not a priority activity (one of "
            + Arrays.toString(PriorityActivity.values()) + ")");
      }
    }
    return activities;
  }

  /** People fields: {@code girls}, {@code boys}, ... with a prefix ({@code targetGirls}). */
  private static PeopleTargeted people(FormReader form, String prefix) {
    Long girls = form.count(field(prefix, "girls"), true);
    Long boys = form.count(field(prefix, "boys"), true);
    Long female = form.count(field(prefix, "femaleTeachers"), true);
    Long male = form.count(field(prefix, "maleTeachers"), true);
    Long disabled = form.count(field(prefix, "withDisabilities"), true);
    if (girls == null || boys == null || female == null || male == null || disabled == null) {
      return null;
    }
    if (disabled > girls + boys + female + male) {
      form.error(field(prefix, "withDisabilities"), "is more than all people targeted together");
    }
    return new PeopleTargeted(girls, boys, female, male, disabled);
  }

  private static String field(String prefix, String name) {
    return prefix.isEmpty() ? name
        : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
