package org.eie.workflows.appeal;

import java.util.List;
import java.util.stream.Collectors;

/** The consolidated appeal as plain text, for the read-only part of the review and sign-off forms. */
final class ConsolidationText {

  private ConsolidationText() {
  }

  static String of(Consolidation c) {
    var people = c.people();
    String text = "Accepted projects: " + c.acceptedProjects() + " from " + c.partners()
        + " partners\nTotal requirement: USD " + c.totalUsd().toPlainString()
        + "\n\nBy activity:\n" + lines(c.byActivity())
        + "\n\nBy partner:\n" + lines(c.byPartner())
        + "\n\nBy area:\n" + lines(c.byArea())
        + "\n\nPeople targeted: " + people.total() + " (female " + people.female() + ", male "
        + people.male() + "; children " + people.children() + ", adults " + people.adults()
        + "; with disabilities " + people.withDisabilities() + ")";
    if (!c.inconsistencies().isEmpty()) {
      text += "\n\nINCONSISTENCIES TO RESOLVE:\n" + c.inconsistencies().stream()
          .map(i -> "  - " + i.message()).collect(Collectors.joining("\n"));
    }
    return text;
  }

  private static String lines(List<Consolidation.Line> lines) {
    if (lines.isEmpty()) {
      return "  (none)";
    }
    return lines.stream().map(l -> "  - " + l.key() + ": USD " + l.amountUsd().toPlainString()
        + " (" + l.projects() + (l.projects() == 1 ? " project)" : " projects)"))
        .collect(Collectors.joining("\n"));
  }
}
