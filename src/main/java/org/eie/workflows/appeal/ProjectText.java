package org.eie.workflows.appeal;

import java.util.stream.Collectors;

/** A project as plain text for the read-only part of the vetting and revision forms. */
final class ProjectText {

  private ProjectText() {
  }

  static String of(PartnerProject project) {
    String activities = project.activities().stream()
        .map(a -> "  - " + a.activity() + ": USD " + a.budgetUsd().toPlainString())
        .collect(Collectors.joining("\n"));
    var people = project.targeted();
    String text = project.id() + " (revision " + project.revision() + ")\n"
        + "Partner: " + project.partner() + "\n"
        + "Title: " + project.title() + "\n"
        + "Activities and budget:\n" + activities + "\n"
        + "Total: USD " + project.budgetUsd().toPlainString() + "\n"
        + "Locations: " + String.join(", ", project.locations()) + "\n"
        + "People targeted: " + people.girls() + " girls, " + people.boys() + " boys, "
        + people.femaleTeachers() + " female and " + people.maleTeachers() + " male teachers, "
        + people.withDisabilities() + " with disabilities\n"
        + "Duration: " + project.durationMonths() + " months";
    Vetting last = project.lastVetting();
    if (last != null) {
      text += "\nLast review: " + last.decision() + " (score " + last.weightedScore()
          + "/100): " + last.comment();
    }
    return text;
  }
}
