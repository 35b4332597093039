package org.eie.workflows.appeal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.appeal.AppealDocument.Activity;
import org.eie.workflows.appeal.AppealDocument.ActivityLine;
import org.eie.workflows.appeal.AppealDocument.AgeGroup;
import org.eie.workflows.appeal.AppealDocument.Approval;
import org.eie.workflows.appeal.AppealDocument.CoLead;
import org.eie.workflows.appeal.AppealDocument.KeyFigure;
import org.eie.workflows.appeal.AppealDocument.Partner;
import org.eie.workflows.appeal.AppealDocument.PartnerType;
import org.eie.workflows.appeal.AppealDocument.People;
import org.eie.workflows.appeal.AppealDocument.Project;
import org.eie.workflows.appeal.AppealDocument.Requirements;
import org.eie.workflows.appeal.AppealDocument.ResponsePlan;
import org.eie.workflows.appeal.AppealDocument.Schools;

/**
 * Maps what the appeal's process gathered (trigger, assessment, plan, accepted projects,
 * sign-offs) to the donor document's {@link AppealDocument}. Plain Java, testable without an
 * engine.
 */
final class AppealDocumentMapper {

  /** English names of the standard activities, for codes a document bundle does not know. */
  static final Map<String, String> ACTIVITY_NAMES = Map.of(
      "TEMPORARY_LEARNING_SPACES", "Temporary learning spaces",
      "TEACHING_LEARNING_MATERIALS", "Teaching and learning materials",
      "PSYCHOSOCIAL_SUPPORT", "Psychosocial support",
      "TEACHER_SUPPORT", "Teacher support",
      "SCHOOL_REPAIR", "School repair");
  static final Map<String, String> ORGANISATION_NAMES = Map.of(
      RecordSignOff.UNICEF, "UNICEF", RecordSignOff.SAVE_THE_CHILDREN, "Save the Children");

  /** A co-lead who signed, with the contact details the identity service knows. */
  record Signatory(String userId, String name, String email) {
  }

  private AppealDocumentMapper() {
  }

  /**
   * @param registered the country's registered partner organisations by id (acronym and type
   *                   come from there; a project from before the registry shows its name only)
   */
  static AppealDocument map(String countryName, AppealTrigger trigger, NeedsAssessment assessment,
      PlannedResponse plan, PartnerProjects projects, Map<String, Partner> registered,
      SignOffs signOffs, Map<String, Signatory> signatories, LocalDate date, int version,
      AppealDocument.Funding funding) {
    List<Project> accepted = projects.withStatus(ProjectStatus.ACCEPTED).stream()
        .map(AppealDocumentMapper::project).toList();
    int longest = projects.withStatus(ProjectStatus.ACCEPTED).stream()
        .mapToInt(PartnerProject::durationMonths).max().orElse(0);

    List<KeyFigure> keyFigures = new ArrayList<>();
    if (trigger.peopleAffected() != null) {
      keyFigures.add(new KeyFigure("PEOPLE_AFFECTED", "People affected",
          java.math.BigDecimal.valueOf(trigger.peopleAffected()), null));
    }
    if (trigger.schoolsAffected() != null) {
      keyFigures.add(new KeyFigure("SCHOOLS_AFFECTED", "Schools affected",
          java.math.BigDecimal.valueOf(trigger.schoolsAffected()), null));
    }

    People inNeed = new People(assessment.girlsInNeed(), assessment.boysInNeed(), null, null,
        null, assessment.withDisabilitiesInNeed(), List.of(), assessment.migrantsInNeed(),
        assessment.hostCommunityInNeed());
    People targeted = accepted.stream().map(Project::peopleTargeted)
        .reduce(People.NONE, People::plus);

    List<Activity> activities = plan.priorityActivities().stream()
        .map(code -> new Activity(code, ACTIVITY_NAMES.getOrDefault(code, code), null, null,
            null))
        .toList();

    // One line per organisation, under the name its projects carry (the requirements by partner
    // are keyed by it).
    Map<String, Partner> partners = new LinkedHashMap<>();
    projects.withStatus(ProjectStatus.ACCEPTED).forEach(p -> partners.putIfAbsent(p.partner(),
        partner(p, registered)));

    List<Approval> approvals = new ArrayList<>();
    List<CoLead> coLeads = new ArrayList<>();
    for (SignOff signOff : signOffs.currentApprovals()) {
      String organisation = ORGANISATION_NAMES.getOrDefault(signOff.organisation(),
          signOff.organisation());
      approvals.add(new Approval(signOff.userName(), organisation,
          OffsetDateTime.parse(signOff.at()), signOff.comment()));
      Signatory who = signatories.getOrDefault(signOff.userId(),
          new Signatory(signOff.userId(), signOff.userName(), null));
      coLeads.add(new CoLead(organisation, who.name(), "Education Cluster co-lead", who.email(),
          null));
    }

    return new AppealDocument(trigger.country(), countryName,
        AppealType.valueOf(trigger.appealType()), version, date, trigger.emergencyType(),
        OffsetDateTime.parse(trigger.onset()), date,
        longest == 0 ? null : date.plusMonths(longest).minusDays(1),
        trigger.situationSummary(), assessment.affectedAreas(), keyFigures, inNeed, targeted,
        new Schools(assessment.schoolsDamaged(), assessment.schoolsDestroyed(),
            assessment.schoolsUsedAsShelters()),
        assessment.teachersAffected(), new ResponsePlan(plan.objectives(), activities),
        Requirements.of(accepted), accepted, new ArrayList<>(partners.values()), coLeads,
        approvals, assessment.dataGaps(), List.of(), funding);
  }

  private static Partner partner(PartnerProject project, Map<String, Partner> registered) {
    Partner organisation = project.partnerOrganisationId() == null ? null
        : registered.get(project.partnerOrganisationId());
    return organisation == null ? new Partner(project.partner(), null, PartnerType.OTHER)
        : new Partner(project.partner(), organisation.acronym(), organisation.type());
  }

  /**
   * A project as the document shows it. The document's People has teachers as one figure;
   * their split by sex is kept as the adult age group so the female/male totals stay right.
   */
  static Project project(PartnerProject project) {
    PeopleTargeted people = project.targeted();
    List<AgeGroup> ageGroups = List.of(
        new AgeGroup(3, 17, people.girls(), people.boys()),
        new AgeGroup(18, null, people.femaleTeachers(), people.maleTeachers()));
    People targeted = new People(people.girls(), people.boys(), null, null, people.adults(),
        people.withDisabilities(), ageGroups, null, null);
    List<ActivityLine> lines = project.activities().stream()
        .map(a -> new ActivityLine(a.activity(), ACTIVITY_NAMES.get(a.activity()), a.budgetUsd()))
        .toList();
    return new Project(project.id(), project.partner(), project.title(), lines,
        project.locations(), targeted, project.durationMonths());
  }
}
