package org.eie.workflows.planning;

import org.eie.workflows.forms.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eie.workflows.planning.PlanModel.Priority;
import org.eie.workflows.planning.PlanModel.StrategicPlan;

/**
 * Reads a plan as drafters type it in Tasklist, one strategic priority per line:
 * {@code I1: Title | outcome; outcome | indicator; indicator}. The code is optional on a new line
 * (the next free one is given) and kept once given, so that the alignment map survives revisions.
 * Blank lines and lines starting with {@code #} are ignored.
 */
final class PlanText {

  static final int MAX_PRIORITIES = 12;
  private static final Pattern CODED = Pattern.compile("^\\s*([A-Za-z]+\\d+)\\s*:\\s*(.*)$");

  private PlanText() {
  }

  static StrategicPlan parse(String owner, String field, String prioritiesText,
      String crossCuttingField, String crossCuttingText) {
    String prefix = StrategicPlan.INEE.equals(owner) ? "I" : "C";
    if (prioritiesText == null || prioritiesText.isBlank()) {
      throw new InvalidInput(field, "enter at least one strategic priority, one per line:"
          + " Title | outcome; outcome | indicator; indicator");
    }
    record Line(int number, String code, String body) {
    }
    List<Line> lines = new ArrayList<>();
    String[] raw = prioritiesText.split("\\R");
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher coded = CODED.matcher(line);
      if (coded.matches()) {
        String code = coded.group(1).toUpperCase();
        if (!code.matches(prefix + "\\d+")) {
          throw new InvalidInput(field, "line " + (i + 1) + ": priority code '" + code
              + "' must be " + prefix + " followed by a number (" + prefix + "1, " + prefix + "2...)");
        }
        lines.add(new Line(i + 1, code, coded.group(2)));
      } else {
        lines.add(new Line(i + 1, null, line));
      }
    }
    if (lines.isEmpty()) {
      throw new InvalidInput(field, "enter at least one strategic priority");
    }
    if (lines.size() > MAX_PRIORITIES) {
      throw new InvalidInput(field, "at most " + MAX_PRIORITIES
          + " strategic priorities; a three-year plan needs focus (found " + lines.size() + ")");
    }
    Set<String> used = new HashSet<>();
    for (Line line : lines) {
      if (line.code() != null && !used.add(line.code())) {
        throw new InvalidInput(field, "line " + line.number() + ": priority code "
            + line.code() + " is used twice");
      }
    }
    int next = 1;
    List<Priority> priorities = new ArrayList<>();
    for (Line line : lines) {
      String code = line.code();
      if (code == null) {
        while (used.contains(prefix + next)) {
          next++;
        }
        code = prefix + next;
        used.add(code);
      }
      String[] parts = line.body().split("\\|", -1);
      if (parts.length != 3) {
        throw new InvalidInput(field, "line " + line.number() + ": write Title | outcomes"
            + " | indicators (two '|' separators, found " + (parts.length - 1) + ")");
      }
      String title = parts[0].strip();
      List<String> outcomes = items(parts[1]);
      List<String> indicators = items(parts[2]);
      if (title.isEmpty()) {
        throw new InvalidInput(field, "line " + line.number() + ": the priority has no title");
      }
      if (outcomes.isEmpty()) {
        throw new InvalidInput(field, "line " + line.number() + ": priority '" + title
            + "' needs at least one outcome");
      }
      if (indicators.isEmpty()) {
        throw new InvalidInput(field, "line " + line.number() + ": priority '" + title
            + "' needs at least one indicator");
      }
      priorities.add(new Priority(code, title, outcomes, indicators));
    }
    List<String> crossCutting = List.of();
    if (StrategicPlan.INEE.equals(owner)) {
      crossCutting = crossCuttingText == null ? List.of() : Arrays.stream(crossCuttingText.split("\\R"))
          .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
      if (crossCutting.isEmpty()) {
        throw new InvalidInput(crossCuttingField,
            "INEE's plan names its cross-cutting elements, one per line");
      }
    }
    return new StrategicPlan(owner, priorities, crossCutting);
  }

  /** The plan as its drafters will see it next time, every priority with its code. */
  static String format(StrategicPlan plan) {
    return plan.priorities().stream()
        .map(p -> p.code() + ": " + p.title() + " | " + String.join("; ", p.outcomes()) + " | "
            + String.join("; ", p.indicators()))
        .collect(Collectors.joining("\n"));
  }

  /** A short read-only overview for the other tasks: code and title per line. */
  static String overview(StrategicPlan plan) {
    if (plan == null) {
      return "";
    }
    return plan.priorities().stream().map(p -> p.code() + "  " + p.title())
        .collect(Collectors.joining("\n"));
  }

  private static List<String> items(String text) {
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
