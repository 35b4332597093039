package org.eie.workflows.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * The records a planning cycle keeps as JSON process variables (Jackson through Camunda Spin),
 * readable by Tasklist, Cockpit and REST clients. Timestamps are ISO-8601 strings.
 */
final class PlanModel {

  private PlanModel() {
  }

  /** A strategic priority with its expected outcomes and the indicators that measure them. */
  record Priority(String code, String title, List<String> outcomes, List<String> indicators) {
  }

  /**
   * One organisation's three-year plan.
   *
   * @param owner                {@link #INEE} or {@link #CLUSTER}
   * @param crossCuttingElements INEE's cross-cutting elements (empty for the Cluster)
   */
  record StrategicPlan(String owner, List<Priority> priorities, List<String> crossCuttingElements) {
    static final String INEE = "INEE";
    static final String CLUSTER = "CLUSTER";

    Priority priority(String code) {
      return priorities.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }
  }

  /** An INEE priority that reinforces a Cluster priority. */
  record Link(String ineePriority, String clusterPriority) {
  }

  /**
   * The joint alignment map.
   *
   * @param links             every pair of priorities that reinforce each other
   * @param acceptedUnmatched priorities explicitly accepted without a counterpart
   * @param acceptanceNote    why they were accepted
   */
  record AlignmentMap(List<Link> links, List<String> acceptedUnmatched, String acceptanceNote) {
    AlignmentMap {
      links = links == null ? List.of() : List.copyOf(links);
      acceptedUnmatched = acceptedUnmatched == null ? List.of() : List.copyOf(acceptedUnmatched);
    }

    static AlignmentMap empty() {
      return new AlignmentMap(List.of(), List.of(), null);
    }
  }

  /** One organisation's decision on one plan. */
  record Approval(int round, String plan, String organisation, String userId, String userName,
      boolean approved, String reason, String at) {
  }

  record Approvals(List<Approval> decisions) {
    Approvals {
      decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    Approvals with(Approval approval) {
      var all = new ArrayList<>(decisions);
      all.add(approval);
      return new Approvals(all);
    }
  }

  /** A Language Community's translation of the launched plans. */
  record Translation(String language, String userId, String userName, String link, String at) {
  }

  /**
   * The launch.
   *
   * @param publicationLink where the plans are published
   */
  record Launch(String publicationLink, String note, String userId, String at,
      List<Translation> translations) {
    Launch {
      translations = translations == null ? List.of() : List.copyOf(translations);
    }

    Launch with(Translation translation) {
      var all = new ArrayList<>(translations);
      all.add(translation);
      return new Launch(publicationLink, note, userId, at, all);
    }
  }

  /**
   * A progress review or report.
   *
   * @param kind   MID_YEAR, MID_TERM or YEAR_END
   * @param status ON_TRACK, AT_RISK or OFF_TRACK
   */
  record Review(String kind, String status, String summary, String userId, String at) {
  }

  /** A reminder sent because a review was overdue. */
  record Reminder(int year, String review, String group, String dueAt, String sentAt) {
  }

  /** One implementation year: its work plan, its reviews and its annual progress report. */
  record ImplementationYear(int year, String workPlan, List<Review> reviews,
      String annualReport) {
    ImplementationYear {
      reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }
  }

  record Implementation(List<ImplementationYear> years, List<Reminder> reminders) {
    Implementation {
      years = years == null ? List.of() : List.copyOf(years);
      reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    static Implementation empty() {
      return new Implementation(List.of(), List.of());
    }

    ImplementationYear year(int year) {
      return years.stream().filter(y -> y.year() == year).findFirst()
          .orElse(new ImplementationYear(year, null, List.of(), null));
    }

    Implementation with(ImplementationYear updated) {
      var all = new ArrayList<ImplementationYear>();
      boolean replaced = false;
      for (var y : years) {
        if (y.year() == updated.year()) {
          all.add(updated);
          replaced = true;
        } else {
          all.add(y);
        }
      }
      if (!replaced) {
        all.add(updated);
      }
      all.sort(java.util.Comparator.comparingInt(ImplementationYear::year));
      return new Implementation(all, reminders);
    }

    Implementation with(Reminder reminder) {
      var all = new ArrayList<>(reminders);
      all.add(reminder);
      return new Implementation(years, all);
    }
  }

  /** The end-of-cycle evaluation, handed to the next cycle's review. */
  record Evaluation(String cycle, String summary, String lessonsLearned, String recommendations,
      String userId, String userName, String at) {
  }
}
