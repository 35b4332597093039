package org.eie.workflows.planning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.Clock24;
import org.eie.workflows.documents.Digits;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.Names;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.planning.PlanModel.Launch;
import org.eie.workflows.planning.PlanModel.Priority;
import org.eie.workflows.planning.PlanModel.StrategicPlan;
import org.springframework.stereotype.Component;

/**
 * The joint strategic plan summary of a finished cycle: both plans' priorities side by side, the
 * alignment map, who approved what and when, the launch and translations, the three years'
 * progress and the end-of-cycle evaluation. Wording from {@code templates/planning/plan*.properties}.
 */
@Component
class PlanDocument {

  static final String KIND = "plan";
  static final String TEMPLATE = "planning/plan";

  /** Everything the document shows, as the cycle recorded it. */
  record Content(String cycleLabel, String language, StrategicPlan inee, StrategicPlan cluster,
      AlignmentMap alignment, Approvals approvals, Launch launch, Implementation implementation,
      Evaluation evaluation, String previousCycleReview, String consultationSummary,
      String memberFeedback) {
  }

  private final DocumentRenderer renderer;

  PlanDocument(DocumentRenderer renderer) {
    this.renderer = renderer;
  }

  byte[] render(Content content) {
    Locale locale = Locale.forLanguageTag(content.language());
    return renderer.render(new DocumentRequest(TEMPLATE, locale, model(content, locale),
        "Strategic plans " + content.cycleLabel() + ": INEE and the Education Cluster",
        "Joint strategic plan summary " + content.cycleLabel(),
        "INEE, Education Cluster, strategic plan, " + content.cycleLabel()));
  }

  static String fileName(String cycleLabel) {
    return "strategic-plans-" + cycleLabel + ".pdf";
  }

  Map<String, Object> model(Content c, Locale language) {
    // Western digits in every language, as in every document (Digits).
    Locale locale = Digits.western(language);
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    DateTimeFormatter times = Clock24.dateAndTime(FormatStyle.LONG, locale);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("cycle", c.cycleLabel());
    model.put("generatedOn", dates.format(CycleVariables.nowInstant().atZone(ZoneOffset.UTC)));
    model.put("previousCycleReview", c.previousCycleReview());
    model.put("consultationSummary", c.consultationSummary());
    model.put("memberFeedback", c.memberFeedback());

    List<Map<String, Object>> sideBySide = new ArrayList<>();
    int rows = Math.max(c.inee().priorities().size(), c.cluster().priorities().size());
    for (int i = 0; i < rows; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("inee", i < c.inee().priorities().size() ? priority(c.inee().priorities().get(i)) : null);
      row.put("cluster", i < c.cluster().priorities().size()
          ? priority(c.cluster().priorities().get(i)) : null);
      sideBySide.add(row);
    }
    model.put("priorities", sideBySide);
    model.put("crossCutting", c.inee().crossCuttingElements());

    List<Map<String, Object>> alignment = new ArrayList<>();
    for (var p : c.inee().priorities()) {
      alignment.add(Map.of("code", p.code(), "title", p.title(), "counterparts",
          c.alignment().links().stream().filter(l -> l.ineePriority().equals(p.code()))
              .map(l -> l.clusterPriority() + " " + c.cluster().priority(l.clusterPriority()).title())
              .toList(),
          "accepted", c.alignment().acceptedUnmatched().contains(p.code())));
    }
    for (var p : c.cluster().priorities()) {
      boolean linked = c.alignment().links().stream().anyMatch(l -> l.clusterPriority().equals(p.code()));
      if (!linked) {
        alignment.add(Map.of("code", p.code(), "title", p.title(), "counterparts", List.of(),
            "accepted", c.alignment().acceptedUnmatched().contains(p.code())));
      }
    }
    model.put("alignment", alignment);
    model.put("acceptanceNote", c.alignment().acceptanceNote());

    model.put("approvals", c.approvals().decisions().stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", a.round());
      m.put("plan", a.plan());
      m.put("organisation", a.organisation());
      m.put("who", a.userName() == null ? a.userId() : a.userName());
      m.put("approved", a.approved());
      m.put("reason", a.reason());
      m.put("when", times.format(Instant.parse(a.at()).atZone(ZoneOffset.UTC)) + " UTC");
      return m;
    }).toList());

    if (c.launch() != null) {
      model.put("publicationLink", c.launch().publicationLink());
      model.put("launchedOn", dates.format(Instant.parse(c.launch().at()).atZone(ZoneOffset.UTC)));
      model.put("translations", c.launch().translations().stream().map(t -> Map.of(
          "language", Names.language(t.language(), language),
          "who", t.userName() == null ? String.valueOf(t.userId()) : t.userName(),
          "link", t.link(),
          "when", dates.format(Instant.parse(t.at()).atZone(ZoneOffset.UTC)))).toList());
    }

    model.put("years", c.implementation().years().stream().map(y -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("year", String.valueOf(y.year()));
      m.put("workPlan", y.workPlan());
      m.put("annualReport", y.annualReport());
      m.put("reviews", y.reviews().stream().map(r -> Map.of(
          "kind", r.kind(), "status", r.status(), "summary", r.summary(),
          "when", dates.format(Instant.parse(r.at()).atZone(ZoneOffset.UTC)))).toList());
      m.put("reminders", c.implementation().reminders().stream().filter(r -> r.year() == y.year())
          .map(r -> Map.of("review", r.review(), "groups", groupKeys(r.group()),
              "sent", dates.format(Instant.parse(r.sentAt()).atZone(ZoneOffset.UTC))))
          .toList());
      return m;
    }).toList());

    if (c.evaluation() != null) {
      model.put("evaluation", Map.of(
          "summary", c.evaluation().summary(),
          "lessons", c.evaluation().lessonsLearned(),
          "recommendations", c.evaluation().recommendations(),
          "who", String.valueOf(c.evaluation().userName()),
          "when", dates.format(Instant.parse(c.evaluation().at()).atZone(ZoneOffset.UTC))));
    }
    return model;
  }

  private static Map<String, Object> priority(Priority p) {
    return Map.of("code", p.code(), "title", p.title(), "outcomes", p.outcomes(),
        "indicators", p.indicators());
  }

  /**
   * The bundle keys naming the groups a reminder went to ({@code group.inee-secretariat}, ...):
   * the document names them in its language, never by their ids.
   */
  static List<String> groupKeys(String groups) {
    return java.util.Arrays.stream(groups == null ? new String[0] : groups.split(",\\s*"))
        .filter(group -> !group.isBlank()).map(group -> "group." + group).toList();
  }
}
