package org.eie.workflows.appeal.projects;

import java.util.stream.Collectors;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.Vetting;
import org.eie.workflows.tasklist.Figures;

/**
 * A project as text for people, for the read-only part of the vetting and revision forms:
 * activities by name, amounts with thousands separators and the currency.
 */
final class ProjectText {

  private ProjectText() {
  }

  static String of(PartnerProject project) {
    String activities = project.activities().stream()
        .map(a -> "  - " + Figures.label(a.activity()) + ": " + Figures.usd(a.budgetUsd()))
        .collect(Collectors.joining("\n"));
    return header(project) + "Activities and budget:\n" + activities + "\n" + footer(project);
  }

  /** Without the budget lines, which the vetting form shows as a table of their own. */
  static String withoutBudgetLines(PartnerProject project) {
    return header(project) + footer(project);
  }

  private static String header(PartnerProject project) {
    return project.id() + " (revision " + project.revision() + ")\n"
        + "Partner: " + project.partner() + "\n"
        + "Title: " + project.title() + "\n";
  }

  private static String footer(PartnerProject project) {
    var people = project.targeted();
    String text = "Total budget: " + Figures.usd(project.budgetUsd()) + "\n"
        + "Locations: " + String.join(", ", project.locations()) + "\n"
        + "People targeted: " + Figures.count(people.girls()) + " girls, "
        + Figures.count(people.boys()) + " boys, " + Figures.count(people.femaleTeachers())
        + " female and " + Figures.count(people.maleTeachers()) + " male teachers, "
        + Figures.count(people.withDisabilities()) + " with disabilities\n"
        + "Duration: " + project.durationMonths() + " months";
    if (!project.implementingPartners().isEmpty()) {
      // A CERF project: the panel vets who carries it out with the applicant agency.
      text += "\nImplementing partners: " + String.join(", ", project.implementingPartners());
    }
    Vetting last = project.lastVetting();
    if (last != null) {
      text += "\nLast review: " + last.decision() + " (score " + last.weightedScore()
          + "/100): " + last.comment();
    }
    return text;
  }
}
