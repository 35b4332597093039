package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Consolidates an appeal from its accepted projects: requirements by activity, partner and area;
 * people targeted by sex, age group and disability; and checks that each accepted project fits
 * the response plan and the assessment. Plain Java, no engine.
 */
@Service
public class Consolidator {

  public Consolidation consolidate(PlannedResponse plan, NeedsAssessment assessment,
      List<PartnerProject> projects, String now) {
    List<PartnerProject> accepted = projects.stream()
        .filter(p -> p.status() == ProjectStatus.ACCEPTED).toList();

    Map<String, Sum> byActivity = new LinkedHashMap<>();
    Map<String, Sum> byPartner = new LinkedHashMap<>();
    Map<String, Sum> byArea = new LinkedHashMap<>();
    PeopleTargeted targeted = PeopleTargeted.NONE;
    BigDecimal total = BigDecimal.ZERO;
    List<Consolidation.Inconsistency> inconsistencies = new ArrayList<>();

    Set<String> planned = Set.copyOf(plan.priorityActivities());
    Set<String> affectedAreas = assessment.affectedAreas().stream()
        .map(Consolidator::normalised).collect(Collectors.toSet());

    for (PartnerProject project : accepted) {
      BigDecimal budget = project.budgetUsd();
      total = total.add(budget);
      targeted = targeted.plus(project.targeted());
      byPartner.computeIfAbsent(project.partner(), k -> new Sum()).add(budget);
      for (ActivityBudget line : project.activities()) {
        byActivity.computeIfAbsent(line.activity(), k -> new Sum()).add(line.budgetUsd());
        if (!planned.contains(line.activity())) {
          inconsistencies.add(new Consolidation.Inconsistency(project.id(), "ACTIVITY_OUTSIDE_PLAN",
              project.id() + " (" + project.partner() + ") budgets " + line.activity()
                  + ", which is not a priority activity of the response plan"));
        }
      }
      List<BigDecimal> shares = evenShares(budget, project.locations().size());
      for (int i = 0; i < project.locations().size(); i++) {
        String location = project.locations().get(i);
        byArea.computeIfAbsent(location, k -> new Sum()).add(shares.get(i));
        if (!affectedAreas.isEmpty() && !affectedAreas.contains(normalised(location))) {
          inconsistencies.add(new Consolidation.Inconsistency(project.id(),
              "LOCATION_OUTSIDE_AFFECTED_AREAS", project.id() + " (" + project.partner()
                  + ") works in " + location + ", which is not an affected area of the assessment"));
        }
      }
    }

    long childrenInNeed = assessment.girlsInNeed() + assessment.boysInNeed();
    if (targeted.children() > childrenInNeed) {
      inconsistencies.add(new Consolidation.Inconsistency(null, "TARGET_EXCEEDS_NEED",
          "Accepted projects target " + targeted.children() + " children, more than the "
              + childrenInNeed + " children in need found by the assessment"));
    }
    if (accepted.isEmpty()) {
      inconsistencies.add(new Consolidation.Inconsistency(null, "NO_ACCEPTED_PROJECTS",
          "No project has been accepted: the appeal would have no requirements"));
    }

    int partners = (int) accepted.stream().map(PartnerProject::partner).distinct().count();
    return new Consolidation(accepted.size(), partners, total, lines(byActivity),
        lines(byPartner), lines(byArea), targeted, Consolidation.PeopleBreakdown.of(targeted),
        inconsistencies, now);
  }

  /** Splits an amount into n shares to the cent that add up exactly to the amount. */
  public static List<BigDecimal> evenShares(BigDecimal amount, int n) {
    List<BigDecimal> shares = new ArrayList<>();
    if (n == 0) {
      return shares;
    }
    BigDecimal share = amount.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
    BigDecimal rest = amount;
    for (int i = 0; i < n - 1; i++) {
      shares.add(share);
      rest = rest.subtract(share);
    }
    shares.add(rest);
    return shares;
  }

  private static List<Consolidation.Line> lines(Map<String, Sum> sums) {
    return sums.entrySet().stream()
        .map(e -> new Consolidation.Line(e.getKey(), e.getValue().projects, e.getValue().amount))
        .sorted(Comparator.comparing(Consolidation.Line::amountUsd).reversed()
            .thenComparing(Consolidation.Line::key))
        .toList();
  }

  private static String normalised(String area) {
    return area.trim().toLowerCase(Locale.ROOT);
  }

  private static final class Sum {
    private int projects;
    private BigDecimal amount = BigDecimal.ZERO;

    void add(BigDecimal value) {
      projects++;
      amount = amount.add(value);
    }
  }
}
