package org.eie.workflows.planning;

import org.eie.workflows.forms.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Link;
import org.eie.workflows.planning.PlanModel.StrategicPlan;

/**
 * The joint alignment review: which INEE priorities reinforce which Cluster priorities, typed one
 * mapping per line ({@code I1 = C1, C3} or {@code C2 = I4}; an empty right side means "no
 * counterpart"), and which priorities of either plan have no counterpart.
 */
final class Alignment {

  private Alignment() {
  }

  static List<Link> parse(String field, String text, StrategicPlan inee, StrategicPlan cluster) {
    Set<Link> links = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] sides = line.split("=", -1);
      if (sides.length != 2) {
        throw new InvalidInput(field, "line " + (i + 1)
            + ": write one mapping per line, for example I1 = C1, C3");
      }
      String left = sides[0].strip().toUpperCase();
      for (String right : sides[1].split(",")) {
        right = right.strip().toUpperCase();
        if (right.isEmpty()) {
          continue;
        }
        String ineeCode = left.startsWith("I") ? left : right;
        String clusterCode = left.startsWith("I") ? right : left;
        if (inee.priority(ineeCode) == null) {
          throw new InvalidInput(field, "line " + (i + 1) + ": '" + ineeCode
              + "' is not a priority of INEE's plan (" + codes(inee) + ")");
        }
        if (cluster.priority(clusterCode) == null) {
          throw new InvalidInput(field, "line " + (i + 1) + ": '" + clusterCode
              + "' is not a priority of the Cluster's plan (" + codes(cluster) + ")");
        }
        links.add(new Link(ineeCode, clusterCode));
      }
      if (inee.priority(left) == null && cluster.priority(left) == null) {
        throw new InvalidInput(field, "line " + (i + 1) + ": '" + left
            + "' is not a priority of either plan");
      }
    }
    return new ArrayList<>(links);
  }

  /** Priorities of both plans without a counterpart that nobody has accepted as such. */
  static List<String> unmatched(AlignmentMap map, StrategicPlan inee, StrategicPlan cluster) {
    List<String> unmatched = new ArrayList<>();
    for (var p : inee.priorities()) {
      if (map.links().stream().noneMatch(l -> l.ineePriority().equals(p.code()))
          && !map.acceptedUnmatched().contains(p.code())) {
        unmatched.add(p.code());
      }
    }
    for (var p : cluster.priorities()) {
      if (map.links().stream().noneMatch(l -> l.clusterPriority().equals(p.code()))
          && !map.acceptedUnmatched().contains(p.code())) {
        unmatched.add(p.code());
      }
    }
    return unmatched;
  }

  /** Keeps only links whose two priorities still exist (after a revision removed some). */
  static AlignmentMap prune(AlignmentMap map, StrategicPlan inee, StrategicPlan cluster) {
    var links = map.links().stream()
        .filter(l -> inee.priority(l.ineePriority()) != null
            && cluster.priority(l.clusterPriority()) != null)
        .toList();
    var accepted = map.acceptedUnmatched().stream()
        .filter(c -> inee.priority(c) != null || cluster.priority(c) != null).toList();
    return new AlignmentMap(links, accepted, map.acceptanceNote());
  }

  /** The map as the reviewers edit it: one line per INEE priority, then unmapped Cluster ones. */
  static String format(AlignmentMap map, StrategicPlan inee, StrategicPlan cluster) {
    List<String> lines = new ArrayList<>();
    for (var p : inee.priorities()) {
      lines.add(p.code() + " = " + map.links().stream()
          .filter(l -> l.ineePriority().equals(p.code())).map(Link::clusterPriority)
          .collect(Collectors.joining(", ")));
    }
    for (var p : cluster.priorities()) {
      if (map.links().stream().noneMatch(l -> l.clusterPriority().equals(p.code()))) {
        lines.add(p.code() + " = ");
      }
    }
    return String.join("\n", lines);
  }

  /** Flagged priorities, one per line with the plan they belong to, for the reviewers' form. */
  static String describe(List<String> codes, StrategicPlan inee, StrategicPlan cluster) {
    return codes.stream().map(code -> {
      var p = inee.priority(code);
      return p != null ? code + "  (INEE)  " + p.title()
          : code + "  (Cluster)  " + cluster.priority(code).title();
    }).collect(Collectors.joining("\n"));
  }

  private static String codes(StrategicPlan plan) {
    return plan.priorities().stream().map(PlanModel.Priority::code)
        .collect(Collectors.joining(", "));
  }
}
