package org.eie.workflows.appeal.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.AppealTrigger;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.Consolidation;
import org.eie.workflows.appeal.FourEyesCheck;
import org.eie.workflows.appeal.NeedsAssessment;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.PeopleTargeted;
import org.eie.workflows.appeal.PlannedResponse;
import org.eie.workflows.appeal.PriorityActivity;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.appeal.RecordSignOff;
import org.eie.workflows.appeal.SignOff;
import org.eie.workflows.appeal.SignOffs;
import org.eie.workflows.appeal.document.AppealDocument.Activity;
import org.eie.workflows.appeal.document.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.document.AppealDocument.AgeGroup;
import org.eie.workflows.appeal.document.AppealDocument.Approval;
import org.eie.workflows.appeal.document.AppealDocument.CoLead;
import org.eie.workflows.appeal.document.AppealDocument.KeyFigure;
import org.eie.workflows.appeal.document.AppealDocument.Partner;
import org.eie.workflows.appeal.document.AppealDocument.PartnerType;
import org.eie.workflows.appeal.document.AppealDocument.People;
import org.eie.workflows.appeal.document.AppealDocument.Project;
import org.eie.workflows.appeal.document.AppealDocument.Requirements;
import org.eie.workflows.appeal.document.AppealDocument.ResponsePlan;
import org.eie.workflows.appeal.document.AppealDocument.Schools;

/**
 * Maps what the appeal's process gathered (trigger, assessment, plan, accepted projects,
 * sign-offs) to the donor document's {@link AppealDocument}. Plain Java, testable without an
 * engine.
 */
final class AppealDocumentMapper {

  /** The English name of a standard activity (its one label), null for another code. */
  static String activityName(String code) {
    return PriorityActivity.isKnown(code)
        ? PriorityActivity.valueOf(code).label(java.util.Locale.ENGLISH) : null;
  }

  /** A co-lead who signed, with the contact details the identity service knows. */
  record Signatory(String userId, String name, String email) {
  }

  private AppealDocumentMapper() {
  }

  /**
   * @param consolidation the consolidation the co-leads signed off: requirements by activity,
   *                      partner and area and the people targeted are taken from it, never
   *                      added up again; it must agree with the accepted projects, or no
   *                      document is written
   * @param registered    the country's registered partner organisations by id (acronym and
   *                      type come from there; a project from before the registry shows its
   *                      name only)
   */
  static AppealDocument map(String countryName, AppealTrigger trigger, NeedsAssessment assessment,
      PlannedResponse plan, PartnerProjects projects, Consolidation consolidation,
      Map<String, Partner> registered, SignOffs signOffs, Map<String, Signatory> signatories,
      LocalDate date, int version, AppealDocument.Funding funding) {
    return map(countryName, trigger, assessment, plan, projects, consolidation, registered,
        signOffs, signatories, null, date, version, funding);
  }

  /**
   * As above, with the Humanitarian Coordinator's endorsement after the co-leads' sign-offs.
   *
   * @param endorsement who endorsed (name) and when, as the engine recorded it, or null
   */
  static AppealDocument map(String countryName, AppealTrigger trigger, NeedsAssessment assessment,
      PlannedResponse plan, PartnerProjects projects, Consolidation consolidation,
      Map<String, Partner> registered, SignOffs signOffs, Map<String, Signatory> signatories,
      FourEyesCheck.Endorser endorsement, LocalDate date, int version,
      AppealDocument.Funding funding) {
    List<Project> accepted = projects.withStatus(ProjectStatus.ACCEPTED).stream()
        .map(AppealDocumentMapper::project).toList();
    int longest = projects.withStatus(ProjectStatus.ACCEPTED).stream()
        .mapToInt(PartnerProject::durationMonths).max().orElse(0);

    List<KeyFigure> keyFigures = new ArrayList<>();
    if (trigger.peopleAffected() != null) {
      keyFigures.add(new KeyFigure("PEOPLE_AFFECTED", "People affected",
          BigDecimal.valueOf(trigger.peopleAffected()), SOURCE_TRIGGER));
    }
    if (trigger.schoolsAffected() != null) {
      keyFigures.add(new KeyFigure("SCHOOLS_AFFECTED", "Schools affected",
          BigDecimal.valueOf(trigger.schoolsAffected()), SOURCE_TRIGGER));
    }
    keyFigures.add(new KeyFigure("SCHOOLS_DAMAGED", "Schools damaged",
        BigDecimal.valueOf(assessment.schoolsDamaged()), SOURCE_ASSESSMENT));
    keyFigures.add(new KeyFigure("TEACHERS_AFFECTED", "Teachers affected",
        BigDecimal.valueOf(assessment.teachersAffected()), SOURCE_ASSESSMENT));

    // Girls and boys in need are children of school age: the same age group the projects
    // target, so the age table compares like with like.
    People inNeed = new People(assessment.girlsInNeed(), assessment.boysInNeed(), null, null,
        null, null, assessment.withDisabilitiesInNeed(),
        List.of(new AgeGroup(SCHOOL_AGE_FROM, SCHOOL_AGE_TO, assessment.girlsInNeed(),
            assessment.boysInNeed())),
        assessment.migrantsInNeed(), assessment.hostCommunityInNeed());

    Requirements requirements = Requirements.of(accepted);
    People targeted = accepted.stream().map(Project::peopleTargeted)
        .reduce(People.NONE, People::plus);
    if (consolidation != null) {
      requirements = fromConsolidation(consolidation, requirements);
      targeted = fromConsolidation(consolidation.targeted(), targeted);
    }

    List<Activity> activities = plan.priorityActivities().stream()
        .map(code -> {
          PlannedResponse.ActivityPlan details = plan.activityPlan(code);
          return new Activity(code, activityName(code) == null ? code : activityName(code),
              details == null ? null : details.indicator(),
              details == null ? null : details.target(),
              details == null ? null : details.indicativeRequirementUsd());
        })
        .toList();
    People planTargeted = plan.targeted() == null ? null : people(plan.targeted());

    // One line per organisation, under the name its projects carry (the requirements by partner
    // are keyed by it).
    Map<String, Partner> partners = new LinkedHashMap<>();
    projects.withStatus(ProjectStatus.ACCEPTED).forEach(p -> partners.putIfAbsent(p.partner(),
        partner(p, registered)));

    List<Approval> approvals = new ArrayList<>();
    List<CoLead> coLeads = new ArrayList<>();
    for (SignOff signOff : signOffs.currentApprovals()) {
      String organisation = RecordSignOff.organisationName(signOff.organisation());
      approvals.add(new Approval(signOff.userName(), organisation,
          OffsetDateTime.parse(signOff.at()), signOff.comment(), false));
      Signatory who = signatories.getOrDefault(signOff.userId(),
          new Signatory(signOff.userId(), signOff.userName(), null));
      coLeads.add(new CoLead(organisation, who.name(), "Education Cluster co-lead", who.email(),
          null));
    }
    if (endorsement != null) {
      approvals.add(new Approval(endorsement.userName(), null,
          OffsetDateTime.parse(endorsement.at()), null, true));
    }

    return new AppealDocument(trigger.country(), countryName,
        AppealType.valueOf(trigger.appealType()), version, date, trigger.emergencyType(),
        OffsetDateTime.parse(trigger.onset()), date,
        longest == 0 ? null : date.plusMonths(longest).minusDays(1),
        trigger.situationSummary(), assessment.affectedAreas(), keyFigures, inNeed, targeted,
        new Schools(assessment.schoolsDamaged(), assessment.schoolsDestroyed(),
            assessment.schoolsUsedAsShelters()),
        assessment.teachersAffected(),
        new ResponsePlan(plan.objectives(), activities, planTargeted,
            plan.indicativeRequirementUsd()),
        requirements, accepted, new ArrayList<>(partners.values()), coLeads,
        approvals, assessment.dataGaps(), List.of(),
        funding == null ? null : funding.against(requirements));
  }

  /** Sources of context figures; the bundles word them ({@code source.TRIGGER}). */
  static final String SOURCE_TRIGGER = "TRIGGER";
  static final String SOURCE_ASSESSMENT = "RAPID_ASSESSMENT";
  static final int SCHOOL_AGE_FROM = 3;
  static final int SCHOOL_AGE_TO = 17;

  /**
   * The requirements as signed off. The consolidation's lines are the figures; the projects
   * only add what the consolidation does not carry (people targeted per partner). If the two
   * disagree, something changed the projects after sign-off: no document.
   */
  static Requirements fromConsolidation(Consolidation consolidation, Requirements ofProjects) {
    if (consolidation.totalUsd().compareTo(ofProjects.totalUsd()) != 0) {
      throw new IllegalStateException("The signed-off consolidation requires US$ "
          + consolidation.totalUsd().toPlainString() + " but the accepted projects add up to US$ "
          + ofProjects.totalUsd().toPlainString() + ": the appeal must be consolidated again");
    }
    Map<String, Long> peopleByPartner = new LinkedHashMap<>();
    ofProjects.byPartner().forEach(p -> peopleByPartner.put(p.partner(), p.peopleTargeted()));
    var byActivity = consolidation.byActivity().stream()
        .map(l -> new AppealDocument.ActivityRequirement(l.key(), l.projects(), l.amountUsd()))
        .toList();
    var byPartner = consolidation.byPartner().stream()
        .map(l -> new AppealDocument.PartnerRequirement(l.key(), l.projects(),
            peopleByPartner.getOrDefault(l.key(), 0L), l.amountUsd()))
        .toList();
    var byArea = consolidation.byArea().stream()
        .map(l -> new AppealDocument.AreaRequirement(l.key(), l.projects(), l.amountUsd()))
        .toList();
    return new Requirements(byActivity, byPartner, byArea, consolidation.totalUsd());
  }

  /** People targeted as signed off, with the age groups and groups the projects add. */
  static People fromConsolidation(PeopleTargeted signedOff, People ofProjects) {
    if (signedOff.total() != ofProjects.total()) {
      throw new IllegalStateException("The signed-off consolidation targets "
          + signedOff.total() + " people but the accepted projects add up to "
          + ofProjects.total() + ": the appeal must be consolidated again");
    }
    return new People(signedOff.girls(), signedOff.boys(), null, null,
        signedOff.femaleTeachers(), signedOff.maleTeachers(), signedOff.withDisabilities(),
        ofProjects.ageGroups(), null, null);
  }

  static People people(PeopleTargeted people) {
    List<AgeGroup> ageGroups = List.of(
        new AgeGroup(SCHOOL_AGE_FROM, SCHOOL_AGE_TO, people.girls(), people.boys()),
        new AgeGroup(18, null, people.femaleTeachers(), people.maleTeachers()));
    return new People(people.girls(), people.boys(), null, null, people.femaleTeachers(),
        people.maleTeachers(), people.withDisabilities(), ageGroups, null, null);
  }

  private static Partner partner(PartnerProject project, Map<String, Partner> registered) {
    Partner organisation = project.partnerOrganisationId() == null ? null
        : registered.get(project.partnerOrganisationId());
    return organisation == null ? new Partner(project.partner(), null, PartnerType.OTHER)
        : new Partner(project.partner(), organisation.acronym(), organisation.type());
  }

  /** A project as the document shows it: teachers their own line, split by sex. */
  static Project project(PartnerProject project) {
    List<ActivityLine> lines = project.activities().stream()
        .map(a -> new ActivityLine(a.activity(), activityName(a.activity()), a.budgetUsd()))
        .toList();
    return new Project(project.id(), project.partner(), project.title(), lines,
        project.locations(), people(project.targeted()), project.durationMonths(),
        project.implementingPartners());
  }

  /** The figures of a published document that the next version is compared with. */
  static AppealChanges.PublishedFigures publishedFigures(AppealDocument document) {
    return new AppealChanges.PublishedFigures(document.version(),
        document.requirements().totalUsd(), document.peopleTargeted().total(),
        document.peopleInNeed().total(),
        document.funding() == null ? BigDecimal.ZERO : document.funding().fundedUsd(),
        document.projects().stream().map(p -> new AppealChanges.ProjectLine(p.code(),
            p.partner(), p.title(), p.budgetUsd())).toList());
  }
}
