package org.eie.workflows.appeal.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.eie.workflows.appeal.document.AppealDocument.People;
import org.eie.workflows.appeal.document.AppealDocument.Project;

/**
 * The arithmetic a donor's analyst does with the appeal document, done before it is written:
 * every total the document prints must be the sum of the parts printed beside it. The template
 * only prints the record's figures, so if these hold for the record they hold on the page.
 */
final class AppealFigures {

  private AppealFigures() {
  }

  /** What does not add up, in words; empty when every total is the sum of its parts. */
  static List<String> inconsistencies(AppealDocument appeal) {
    List<String> problems = new ArrayList<>();
    var requirements = appeal.requirements();
    BigDecimal total = requirements.totalUsd();
    if (!appeal.projects().isEmpty()) {
      same(problems, "projects' budgets", sum(appeal.projects(), Project::budgetUsd), total);
      long people = appeal.projects().stream().mapToLong(p -> p.peopleTargeted().total()).sum();
      if (people != appeal.peopleTargeted().total()) {
        problems.add("people targeted by the projects add up to " + people + ", not "
            + appeal.peopleTargeted().total());
      }
    }
    if (!requirements.byActivity().isEmpty()) {
      same(problems, "requirements by activity", sum(requirements.byActivity(),
          AppealDocument.ActivityRequirement::amountUsd), total);
    }
    if (!requirements.byPartner().isEmpty()) {
      same(problems, "requirements by partner", sum(requirements.byPartner(),
          AppealDocument.PartnerRequirement::amountUsd), total);
      long people = requirements.byPartner().stream()
          .mapToLong(AppealDocument.PartnerRequirement::peopleTargeted).sum();
      if (people != appeal.peopleTargeted().total()) {
        problems.add("people targeted by partner add up to " + people + ", not "
            + appeal.peopleTargeted().total());
      }
      int projects = requirements.byPartner().stream()
          .mapToInt(AppealDocument.PartnerRequirement::projects).sum();
      if (projects != appeal.projects().size()) {
        problems.add("projects by partner add up to " + projects + ", not "
            + appeal.projects().size());
      }
    }
    if (!requirements.byArea().isEmpty()) {
      same(problems, "requirements by area", sum(requirements.byArea(),
          AppealDocument.AreaRequirement::amountUsd), total);
    }
    people(problems, "in need", appeal.peopleInNeed());
    people(problems, "targeted", appeal.peopleTargeted());
    var funding = appeal.funding();
    if (funding != null && funding.requiredUsd() != null) {
      same(problems, "funding's requirement", funding.requiredUsd(), total);
    }
    return problems;
  }

  /** Age groups, where given, must account for everyone counted, by sex. */
  private static void people(List<String> problems, String which, People people) {
    if (people.ageGroups().isEmpty()) {
      return;
    }
    long female = people.ageGroups().stream().mapToLong(AppealDocument.AgeGroup::female).sum();
    long male = people.ageGroups().stream().mapToLong(AppealDocument.AgeGroup::male).sum();
    if (female != people.female() || male != people.male()) {
      problems.add("people " + which + " by age group are " + female + " female and " + male
          + " male, not " + people.female() + " and " + people.male());
    }
  }

  private static void same(List<String> problems, String what, BigDecimal sum,
      BigDecimal total) {
    if (sum.compareTo(total) != 0) {
      problems.add(what + " add up to " + sum.toPlainString() + ", not the total "
          + total.toPlainString());
    }
  }

  private static <T> BigDecimal sum(List<T> rows, Function<T, BigDecimal> amount) {
    return rows.stream().map(amount).filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
