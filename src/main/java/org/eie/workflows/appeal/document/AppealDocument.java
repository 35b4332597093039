package org.eie.workflows.appeal.document;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.Consolidator;

/**
 * Everything the donor-ready appeal document shows, and nothing it does not: the figures as the
 * co-leads signed them off. Plain values (money in USD as {@link BigDecimal}), so the record
 * travels as a JSON process variable and renders without an engine. Wording never lives here:
 * codes ({@link AppealType}, activity, key figure and partner type codes) are turned into words by
 * the template's message bundles; free text (summary, objectives, names) is shown as entered.
 *
 * <p>Lists are never null (a missing list is an empty one); a {@code null} number means "not
 * known", which the document shows as such rather than as zero.
 *
 * <p>In JSON, dates are ISO strings ({@code "2020-08-14"}) and date-times keep the offset where
 * they happened ({@code "2020-08-04T18:08:00+03:00"}): a round trip through Jackson, as a Spin
 * process variable for instance, must not move the onset to UTC.
 *
 * @param countryCode     ISO 3166 code of the country, {@code LB}
 * @param countryName     the country's name as configured, {@code Lebanon}
 * @param appealType      what kind of appeal this is
 * @param version         1 for the first publication, 2 for the first revision, ...
 * @param date            date of this version (publication date)
 * @param emergencyType   code of the kind of emergency ({@code EXPLOSION}, {@code EARTHQUAKE}),
 *                        or free text where no code fits
 * @param onset           when the emergency began
 * @param periodStart     first day the appeal covers, or null
 * @param periodEnd       last day the appeal covers, or null
 * @param crisisSummary   the situation in a few paragraphs (blank lines separate paragraphs)
 * @param affectedAreas   names of the affected areas, in any script
 * @param keyFigures      context figures beyond the structured ones (people displaced, ...)
 * @param peopleInNeed    people in need of education support, disaggregated
 * @param peopleTargeted  people the appeal targets, disaggregated
 * @param schools         schools damaged, destroyed, used as shelters
 * @param teachersAffected teachers affected, or null when not known
 * @param response        objectives and priority activities of the response plan
 * @param requirements    requirements in USD by activity and by partner, and the total
 * @param projects        the accepted partner projects
 * @param partners        partner organisations in the appeal
 * @param coLeads         cluster co-lead organisations and their contacts
 * @param signOff         who approved the appeal, for which organisation, and when; and who
 *                        endorsed it for the Humanitarian Coordinator
 * @param dataGaps        what the assessment could not establish yet, stated as such
 * @param risks           risks to the response
 * @param funding         funding received so far, or null when not known
 */
public record AppealDocument(
    String countryCode,
    String countryName,
    AppealType appealType,
    int version,
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate date,
    String emergencyType,
    @JsonFormat(shape = JsonFormat.Shape.STRING,
        without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime onset,
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate periodStart,
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate periodEnd,
    String crisisSummary,
    List<String> affectedAreas,
    List<KeyFigure> keyFigures,
    People peopleInNeed,
    People peopleTargeted,
    Schools schools,
    Long teachersAffected,
    ResponsePlan response,
    Requirements requirements,
    List<Project> projects,
    List<Partner> partners,
    List<CoLead> coLeads,
    List<Approval> signOff,
    List<String> dataGaps,
    List<String> risks,
    Funding funding) {

  public AppealDocument {
    Objects.requireNonNull(countryCode, "countryCode");
    Objects.requireNonNull(countryName, "countryName");
    Objects.requireNonNull(appealType, "appealType");
    Objects.requireNonNull(date, "date");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
    affectedAreas = listOf(affectedAreas);
    keyFigures = listOf(keyFigures);
    peopleInNeed = peopleInNeed == null ? People.NONE : peopleInNeed;
    peopleTargeted = peopleTargeted == null ? People.NONE : peopleTargeted;
    schools = schools == null ? new Schools(0, 0, 0) : schools;
    response = response == null ? new ResponsePlan(List.of(), List.of()) : response;
    projects = listOf(projects);
    requirements = requirements == null ? Requirements.of(projects) : requirements;
    partners = listOf(partners);
    coLeads = listOf(coLeads);
    signOff = listOf(signOff);
    dataGaps = listOf(dataGaps);
    risks = listOf(risks);
  }

  /**
   * A pooled fund's view of the projects, one line per organisation in the order its first
   * project appears: in a CERF package the applicant agencies with the implementing partners of
   * their projects, in an ECW proposal the grantees. Read from the accepted projects (their
   * budgets add up to the requirements by partner, which the consolidation checked).
   */
  public List<Applicant> applicants() {
    Map<String, List<Project>> byPartner = new LinkedHashMap<>();
    projects.forEach(p -> byPartner.computeIfAbsent(p.partner(), k -> new ArrayList<>()).add(p));
    List<Applicant> lines = new ArrayList<>();
    byPartner.forEach((name, own) -> {
      Partner registered = partners.stream().filter(p -> p.name().equals(name)).findFirst()
          .orElse(new Partner(name, null, PartnerType.OTHER));
      lines.add(new Applicant(registered, own.stream().map(Project::code).toList(),
          own.stream().flatMap(p -> p.implementingPartners().stream()).distinct().toList(),
          own.stream().mapToInt(Project::durationMonths).max().orElse(0),
          own.stream().map(Project::budgetUsd).reduce(BigDecimal.ZERO, BigDecimal::add)));
    });
    return lines;
  }

  /**
   * One organisation of a pooled-fund appeal (CERF applicant agency, ECW grantee).
   *
   * @param longestMonths the duration of its longest project
   */
  public record Applicant(Partner organisation, List<String> projectCodes,
      List<String> implementingPartners, int longestMonths, BigDecimal budgetUsd) {
  }

  /** Share of the requirements funded (0.42 for 42 %), or null when funding is not known. */
  public BigDecimal coverage() {
    return funding == null ? null : funding.coverage();
  }

  /** Requirements still unfunded, or null when funding is not known. */
  public BigDecimal fundingGapUsd() {
    return funding == null ? null : funding.gapUsd();
  }

  /**
   * A figure of the crisis beyond the structured ones.
   *
   * @param code   code the bundles name ({@code PEOPLE_DISPLACED}), or null
   * @param label  words to show when the bundles do not know the code (as entered, any language)
   * @param value  the figure
   * @param source where it comes from (organisation, date), or null
   */
  public record KeyFigure(String code, String label, BigDecimal value, String source) {
  }

  /**
   * People, disaggregated as the cluster reports them. Girls and boys are children and
   * adolescents of school age; women and men are other adults (caregivers, adult learners) where
   * relevant; teachers are their own line, split by sex; {@code null} where the category does not
   * apply or was not assessed.
   *
   * @param withDisabilities of all the above, those with disabilities
   * @param ageGroups        by age group and sex, where known
   * @param migrants         of all the above, migrants, refugees or displaced people, where relevant
   * @param hostCommunity    of all the above, members of the host community, where relevant
   */
  public record People(long girls, long boys, Long women, Long men, Long femaleTeachers,
      Long maleTeachers, Long withDisabilities, List<AgeGroup> ageGroups, Long migrants,
      Long hostCommunity) {

    public static final People NONE = new People(0, 0, null, null, null, null, null, List.of(),
        null, null);

    public People {
      ageGroups = listOf(ageGroups);
    }

    public long children() {
      return girls + boys;
    }

    /** Teachers of both sexes, or null when not assessed. */
    public Long teachers() {
      return femaleTeachers == null && maleTeachers == null ? null
          : orZero(femaleTeachers) + orZero(maleTeachers);
    }

    /** Everyone counted: always {@link #female()} plus {@link #male()}. */
    public long total() {
      return female() + male();
    }

    /** Female people: girls, women and female teachers, for the split donors ask for. */
    public long female() {
      return girls + orZero(women) + orZero(femaleTeachers);
    }

    /** Male people: boys, men and male teachers. */
    public long male() {
      return boys + orZero(men) + orZero(maleTeachers);
    }

    /** Adds two disaggregations (a category stays unknown only if unknown in both). */
    public People plus(People other) {
      var groups = new LinkedHashMap<String, AgeGroup>();
      Stream.concat(ageGroups.stream(), other.ageGroups.stream()).forEach(g -> groups.merge(
          g.fromAge() + "-" + g.toAge(), g, (a, b) ->
              new AgeGroup(a.fromAge(), a.toAge(), a.female() + b.female(), a.male() + b.male())));
      return new People(girls + other.girls, boys + other.boys, sum(women, other.women),
          sum(men, other.men), sum(femaleTeachers, other.femaleTeachers),
          sum(maleTeachers, other.maleTeachers),
          sum(withDisabilities, other.withDisabilities), new ArrayList<>(groups.values()),
          sum(migrants, other.migrants), sum(hostCommunity, other.hostCommunity));
    }

    private static Long sum(Long a, Long b) {
      return a == null && b == null ? null : orZero(a) + orZero(b);
    }
  }

  /**
   * People of an age group, by sex: children by school age, and adults (teachers, caregivers)
   * where relevant.
   *
   * @param fromAge first age in the group, in years
   * @param toAge   last age in the group, or null for "and older"
   */
  public record AgeGroup(int fromAge, Integer toAge, long female, long male) {
    public long total() {
      return female + male;
    }
  }

  /** Schools affected by the emergency. */
  public record Schools(long damaged, long destroyed, long usedAsShelters) {
  }

  /**
   * What the response sets out to do, as the co-leads planned it before projects came in.
   *
   * @param targeted                 the people the plan targets, or null when not set
   * @param indicativeRequirementUsd the plan's estimate of the whole requirement, or null
   */
  public record ResponsePlan(List<String> objectives, List<Activity> priorityActivities,
      People targeted, BigDecimal indicativeRequirementUsd) {
    public ResponsePlan {
      objectives = listOf(objectives);
      priorityActivities = listOf(priorityActivities);
    }

    public ResponsePlan(List<String> objectives, List<Activity> priorityActivities) {
      this(objectives, priorityActivities, null, null);
    }

    /**
     * The total row of the priority activities: the sum of the activities' indicative
     * requirements as printed above it, or null when no activity has one. It is not the plan's
     * own estimate ({@link #indicativeRequirementUsd}), which a revision may change on its own
     * and which may cover more than the ticked activities.
     */
    public BigDecimal activitiesRequirementUsd() {
      return priorityActivities.stream().map(Activity::indicativeRequirementUsd)
          .filter(java.util.Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }
  }

  /**
   * A priority activity of the response plan.
   *
   * @param code      code projects refer to ({@code TEMPORARY_LEARNING_SPACES}); the bundles
   *                  name the standard ones
   * @param name      words to show when the bundles do not know the code
   * @param indicator how progress is measured, or null
   * @param target    the indicator's target, or null
   * @param indicativeRequirementUsd the response plan's estimate before projects, or null
   */
  public record Activity(String code, String name, String indicator, BigDecimal target,
      BigDecimal indicativeRequirementUsd) {
  }

  /**
   * A partner project as accepted in vetting.
   *
   * @param code           the project's reference ({@code LB-EDU-001})
   * @param partner        name of the partner organisation (any script)
   * @param title          as submitted
   * @param activities     what it does, with budget, by plan activity
   * @param locations      where (any script)
   * @param peopleTargeted disaggregated
   * @param durationMonths how long it runs
   * @param implementingPartners in a CERF package, the organisations the applicant agency
   *                       carries the project out with; empty otherwise
   */
  public record Project(String code, String partner, String title, List<ActivityLine> activities,
      List<String> locations, People peopleTargeted, int durationMonths,
      List<String> implementingPartners) {

    public Project {
      activities = listOf(activities);
      locations = listOf(locations);
      peopleTargeted = peopleTargeted == null ? People.NONE : peopleTargeted;
      implementingPartners = listOf(implementingPartners);
    }

    /** A project naming no implementing partners (any appeal but a CERF package). */
    public Project(String code, String partner, String title, List<ActivityLine> activities,
        List<String> locations, People peopleTargeted, int durationMonths) {
      this(code, partner, title, activities, locations, peopleTargeted, durationMonths, List.of());
    }

    public BigDecimal budgetUsd() {
      return activities.stream().map(ActivityLine::budgetUsd).filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * One activity of a project.
   *
   * @param activity    code of the plan activity it belongs to
   * @param description what exactly, as submitted
   * @param budgetUsd   its budget
   */
  public record ActivityLine(String activity, String description, BigDecimal budgetUsd) {
  }

  /**
   * Requirements in USD.
   *
   * @param byActivity by plan activity code, largest first
   * @param byPartner  by partner organisation, largest first
   * @param totalUsd   the appeal's total
   */
  public record Requirements(List<ActivityRequirement> byActivity,
      List<PartnerRequirement> byPartner, List<AreaRequirement> byArea, BigDecimal totalUsd) {

    public Requirements {
      byActivity = listOf(byActivity);
      byPartner = listOf(byPartner);
      byArea = listOf(byArea);
      totalUsd = totalUsd == null ? BigDecimal.ZERO : totalUsd;
    }

    public Requirements(List<ActivityRequirement> byActivity, List<PartnerRequirement> byPartner,
        BigDecimal totalUsd) {
      this(byActivity, byPartner, List.of(), totalUsd);
    }

    /** Consolidates projects: sums their activity lines by activity and their budgets by partner. */
    public static Requirements of(List<Project> projects) {
      Map<String, BigDecimal> byActivity = new LinkedHashMap<>();
      Map<String, Integer> activityProjects = new LinkedHashMap<>();
      Map<String, PartnerRequirement> byPartner = new LinkedHashMap<>();
      BigDecimal total = BigDecimal.ZERO;
      for (Project project : projects) {
        project.activities().stream().map(ActivityLine::activity).distinct()
            .forEach(a -> activityProjects.merge(a, 1, Integer::sum));
        for (ActivityLine line : project.activities()) {
          if (line.budgetUsd() != null) {
            byActivity.merge(line.activity(), line.budgetUsd(), BigDecimal::add);
          }
        }
        BigDecimal budget = project.budgetUsd();
        total = total.add(budget);
        byPartner.merge(project.partner(),
            new PartnerRequirement(project.partner(), 1, project.peopleTargeted().total(), budget),
            (a, b) -> new PartnerRequirement(a.partner(), a.projects() + b.projects(),
                a.peopleTargeted() + b.peopleTargeted(), a.amountUsd().add(b.amountUsd())));
      }
      var activities = byActivity.entrySet().stream()
          .map(e -> new ActivityRequirement(e.getKey(), activityProjects.get(e.getKey()),
              e.getValue()))
          .sorted((a, b) -> b.amountUsd().compareTo(a.amountUsd())).toList();
      var partners = byPartner.values().stream()
          .sorted((a, b) -> b.amountUsd().compareTo(a.amountUsd())).toList();
      Map<String, BigDecimal> byArea = new LinkedHashMap<>();
      Map<String, Integer> areaProjects = new LinkedHashMap<>();
      for (Project project : projects) {
        var shares = Consolidator.evenShares(project.budgetUsd(), project.locations().size());
        for (int i = 0; i < shares.size(); i++) {
          byArea.merge(project.locations().get(i), shares.get(i), BigDecimal::add);
          areaProjects.merge(project.locations().get(i), 1, Integer::sum);
        }
      }
      var areas = byArea.entrySet().stream()
          .map(e -> new AreaRequirement(e.getKey(), areaProjects.get(e.getKey()), e.getValue()))
          .sorted((a, b) -> b.amountUsd().compareTo(a.amountUsd())).toList();
      return new Requirements(activities, partners, areas, total);
    }
  }

  /**
   * Requirement in one location; a project in several locations counts an equal share in each
   * (the project form has no budget per location).
   */
  public record AreaRequirement(String area, int projects, BigDecimal amountUsd) {
  }

  /** Requirement of one plan activity across projects. */
  public record ActivityRequirement(String activity, int projects, BigDecimal amountUsd) {
  }

  /** Requirement of one partner across its projects. */
  public record PartnerRequirement(String partner, int projects, long peopleTargeted,
      BigDecimal amountUsd) {
  }

  /**
   * A partner organisation.
   *
   * @param name    in its own script
   * @param acronym or null
   * @param type    kind of organisation
   */
  public record Partner(String name, String acronym, PartnerType type) {
  }

  /** Kinds of partner organisation; the bundles name them ({@code partnerType.NATIONAL_NGO}). */
  public enum PartnerType {
    UN_AGENCY, INTERNATIONAL_NGO, NATIONAL_NGO, GOVERNMENT, RED_CROSS_RED_CRESCENT, OTHER
  }

  /**
   * A cluster co-lead organisation's contact.
   *
   * @param organisation {@code UNICEF}, {@code Save the Children}
   * @param name         the person
   * @param role         their role as they give it ("Education Cluster Coordinator")
   * @param email        or null
   * @param phone        or null
   */
  public record CoLead(String organisation, String name, String role, String email,
      String phone) {
  }

  /**
   * One approval of the appeal.
   *
   * @param name         who approved
   * @param organisation for which co-lead organisation (null for the endorsement: the document
   *                     names the country's Humanitarian Coordinator's office in its language)
   * @param approvedAt   when
   * @param comment      or null
   * @param endorsement  true for the Humanitarian Coordinator's endorsement, false for a
   *                     co-lead's sign-off (a version stored before endorsements reads false)
   */
  public record Approval(String name, String organisation,
      @JsonFormat(shape = JsonFormat.Shape.STRING,
          without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      OffsetDateTime approvedAt,
      String comment, boolean endorsement) {
  }

  /** The co-leads' sign-offs, printed as "Approved by". */
  public List<Approval> coLeadSignOffs() {
    return signOff.stream().filter(approval -> !approval.endorsement()).toList();
  }

  /** The Humanitarian Coordinator's endorsement, or null if the version has none. */
  public Approval endorsement() {
    return signOff.stream().filter(Approval::endorsement).findFirst().orElse(null);
  }

  /**
   * Funding of this appeal as OCHA's Financial Tracking Service reports it: funded = committed +
   * paid; pledges (announced, not signed) beside it, never in it.
   *
   * @param requiredUsd  the requirement the coverage is computed against (the appeal's total)
   * @param committedUsd signed agreements
   * @param paidUsd      received
   * @param pledgedUsd   announced, not yet committed
   * @param asOf         the date the figures were taken
   * @param source       where they come from (a code the bundles name, {@code PLEDGE_REGISTER},
   *                     or free text)
   * @param byActivity   per activity of the appeal (earmarked funding)
   */
  public record Funding(BigDecimal requiredUsd, BigDecimal committedUsd, BigDecimal paidUsd,
      BigDecimal pledgedUsd,
      @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate asOf, String source,
      List<ActivityFunding> byActivity) {

    public Funding {
      committedUsd = committedUsd == null ? BigDecimal.ZERO : committedUsd;
      paidUsd = paidUsd == null ? BigDecimal.ZERO : paidUsd;
      pledgedUsd = pledgedUsd == null ? BigDecimal.ZERO : pledgedUsd;
      byActivity = listOf(byActivity);
    }

    /**
     * The same funding measured against the document's own requirements, overall and per
     * activity, so every coverage share is computed from the figures the document prints.
     */
    public Funding against(Requirements requirements) {
      Map<String, BigDecimal> required = new LinkedHashMap<>();
      requirements.byActivity().forEach(r -> required.put(r.activity(), r.amountUsd()));
      Map<String, ActivityFunding> earmarked = new LinkedHashMap<>();
      byActivity.forEach(a -> earmarked.put(a.activity(), a));
      List<ActivityFunding> lines = new ArrayList<>();
      required.forEach((activity, amount) -> {
        ActivityFunding known = earmarked.remove(activity);
        lines.add(new ActivityFunding(activity, amount,
            known == null ? BigDecimal.ZERO : known.fundedUsd(),
            known == null ? BigDecimal.ZERO : known.pledgedUsd()));
      });
      earmarked.values().forEach(a -> lines.add(new ActivityFunding(a.activity(), null,
          a.fundedUsd(), a.pledgedUsd())));
      return new Funding(requirements.totalUsd(), committedUsd, paidUsd, pledgedUsd, asOf,
          source, lines);
    }

    /** Funded without an earmark for one of the lines: counts overall only. */
    public BigDecimal unearmarkedFundedUsd() {
      return fundedUsd().subtract(byActivity.stream().map(ActivityFunding::fundedUsd)
          .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Committed + paid. */
    public BigDecimal fundedUsd() {
      return committedUsd.add(paidUsd);
    }

    /** Funded / required (0.42 for 42 %), or null without a requirement. */
    public BigDecimal coverage() {
      return share(fundedUsd(), requiredUsd);
    }

    /** Required - funded, never below zero; null without a requirement. */
    public BigDecimal gapUsd() {
      return requiredUsd == null ? null : requiredUsd.subtract(fundedUsd()).max(BigDecimal.ZERO);
    }
  }

  /**
   * Earmarked funding of one activity.
   *
   * @param requiredUsd the activity's requirement, or null for an earmark outside the appeal's
   *                    activities
   */
  public record ActivityFunding(String activity, BigDecimal requiredUsd, BigDecimal fundedUsd,
      BigDecimal pledgedUsd) {

    public BigDecimal coverage() {
      return share(fundedUsd, requiredUsd);
    }
  }

  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() <= 0) {
      return null;
    }
    return part.divide(whole, 4, java.math.RoundingMode.HALF_UP);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
