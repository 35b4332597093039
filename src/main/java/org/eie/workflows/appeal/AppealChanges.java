package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eie.workflows.donors.ChangeSummary;

/**
 * What changed between two published versions of an appeal, for the page "What changed since
 * version N" and the donors' e-mail. Both sides are {@link PublishedFigures} taken from the
 * documents as they were published, so the page compares what donors read, not what the process
 * holds now.
 *
 * @param sinceVersion the version compared with
 * @param reason       the co-leads' account of the revision (what the JENA found), as entered
 * @param added        projects in this version and not in the previous one
 * @param changed      projects in both whose budget changed
 * @param withdrawn    projects in the previous version and not in this one
 */
public record AppealChanges(int sinceVersion, String reason, Figure requirementUsd,
    Figure peopleTargeted, Figure peopleInNeed, Figure fundedUsd, List<ProjectLine> added,
    List<ProjectChange> changed, List<ProjectLine> withdrawn) {

  /** A figure before and after; {@code before} or {@code after} null when not known. */
  public record Figure(BigDecimal before, BigDecimal after) {

    public BigDecimal difference() {
      return before == null || after == null ? null : after.subtract(before);
    }

    public boolean changed() {
      return before == null ? after != null : after == null || before.compareTo(after) != 0;
    }
  }

  /** A project as a version listed it. */
  public record ProjectLine(String code, String partner, String title, BigDecimal budgetUsd) {
  }

  /** A project whose budget changed between the versions. */
  public record ProjectChange(String code, String partner, String title, BigDecimal beforeUsd,
      BigDecimal afterUsd) {
  }

  /** The figures of one published version that the next one is compared with. */
  public record PublishedFigures(int version, BigDecimal requirementUsd, long peopleTargeted,
      long peopleInNeed, BigDecimal fundedUsd, List<ProjectLine> projects) {
  }

  public static AppealChanges between(PublishedFigures before, PublishedFigures after,
      String reason) {
    Map<String, ProjectLine> earlier = byCode(before.projects());
    Map<String, ProjectLine> now = byCode(after.projects());
    List<ProjectLine> added = new ArrayList<>();
    List<ProjectChange> changed = new ArrayList<>();
    now.forEach((code, project) -> {
      ProjectLine was = earlier.get(code);
      if (was == null) {
        added.add(project);
      } else if (was.budgetUsd().compareTo(project.budgetUsd()) != 0) {
        changed.add(new ProjectChange(code, project.partner(), project.title(),
            was.budgetUsd(), project.budgetUsd()));
      }
    });
    List<ProjectLine> withdrawn = earlier.values().stream()
        .filter(project -> !now.containsKey(project.code())).toList();
    return new AppealChanges(before.version(), reason,
        new Figure(before.requirementUsd(), after.requirementUsd()),
        new Figure(BigDecimal.valueOf(before.peopleTargeted()),
            BigDecimal.valueOf(after.peopleTargeted())),
        new Figure(BigDecimal.valueOf(before.peopleInNeed()),
            BigDecimal.valueOf(after.peopleInNeed())),
        new Figure(received(before), received(after)), added, changed, withdrawn);
  }

  /**
   * Funding received as a version printed it. A version without a funding section was written
   * while no pledge was recorded (the document then says nothing rather than "0 % funded"), so
   * it had received nothing: zero, not "not known", or a revision after the first pledges could
   * never say how funding changed. Figures kept before this rule carry a null for that.
   */
  private static BigDecimal received(PublishedFigures figures) {
    return figures.fundedUsd() == null ? BigDecimal.ZERO : figures.fundedUsd();
  }

  /** The few figures the donors' e-mail states. */
  public ChangeSummary summary() {
    return new ChangeSummary(sinceVersion, requirementUsd.before(), requirementUsd.after(),
        peopleTargeted.before().longValue(), peopleTargeted.after().longValue(), added.size(),
        changed.size(), withdrawn.size(), fundedUsd.before(), fundedUsd.after());
  }

  private static Map<String, ProjectLine> byCode(List<ProjectLine> projects) {
    Map<String, ProjectLine> byCode = new LinkedHashMap<>();
    projects.forEach(project -> byCode.put(project.code(), project));
    return byCode;
  }
}
