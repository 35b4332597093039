package org.eie.workflows.training;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eie.workflows.documents.Digits;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.Names;
import org.eie.workflows.training.TrainingRecords.TrainingOfTrainers;
import org.springframework.stereotype.Component;

/**
 * The rollout report: the consolidated figures laid out by {@code templates/training/report.html},
 * wording from its bundles, numbers and dates in the report's language. Countries and languages
 * are named as the report's language names them (CLDR, {@link Names}, as in the appeal); figures
 * have Western digits in every language and read left to right inside Arabic text
 * ({@link Digits}).
 */
@Component
class RolloutReport {

  static final String TEMPLATE = "training/report";

  private final DocumentRenderer renderer;

  RolloutReport(DocumentRenderer renderer) {
    this.renderer = renderer;
  }

  /** Everything the report shows. */
  record Content(String packageVersion, List<String> modules, List<String> languages,
      TrainingOfTrainers trainers, RolloutResults results, String lessonsLearned,
      int countriesTargeted, Instant generatedAt) {
  }

  byte[] render(Content content, Locale locale) {
    String title = "Training package rollout report " + content.packageVersion();
    return renderer.render(new DocumentRequest(TEMPLATE, locale, model(content, locale), title,
        "INEE / Education Cluster joint training package rollout",
        "INEE, Education Cluster, training, rollout, " + content.packageVersion()));
  }

  Map<String, Object> model(Content content, Locale language) {
    var results = content.results();
    boolean rtl = DocumentRequest.rightToLeft(language);
    Locale locale = Digits.western(language);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("packageVersion", content.packageVersion());
    model.put("generatedOn", date(LocalDate.ofInstant(content.generatedAt(), ZoneOffset.UTC)
        .toString(), locale));
    model.put("modules", content.modules());
    model.put("separator", separator(rtl));
    model.put("languages", content.languages().stream()
        .map(tag -> Names.language(tag, language)).toList());
    model.put("countriesTargeted", content.countriesTargeted());
    model.put("countriesReachedCount", results.countriesReached().size());
    model.put("countriesWithdrawnCount", results.countriesWithdrawn().size());
    model.put("workshops", results.workshops());
    model.put("female", results.participantsFemale());
    model.put("male", results.participantsMale());
    model.put("other", results.participantsOther());
    model.put("total", results.participantsTotal());
    model.put("reachedOfTargeted", Digits.figure(results.countriesReached().size() + " / "
        + content.countriesTargeted(), rtl));
    model.put("femaleOfMale", Digits.figure(results.participantsFemale() + " / "
        + results.participantsMale(), rtl));
    model.put("averagePre", Digits.figure(score(results.averagePreTestScore(), locale), rtl));
    model.put("averagePost", Digits.figure(score(results.averagePostTestScore(), locale), rtl));
    model.put("averageGain", Digits.figure(gain(results.averageScoreGain(), locale), rtl));
    model.put("lateEvaluations", results.lateEvaluations());
    model.put("facilitatorsTrained", results.facilitatorsTrained());
    model.put("lessonsLearned", content.lessonsLearned());

    var trainers = content.trainers();
    if (trainers != null) {
      model.put("totLocation", trainers.location());
      model.put("totStart", date(trainers.startDate(), locale));
      model.put("totEnd", date(trainers.endDate(), locale));
      model.put("facilitators", trainers.facilitators().stream().map(f -> Map.of(
          "name", f.name(), "organisation", f.organisation(), "country", f.country(),
          "plan", f.disseminationPlan())).toList());
    } else {
      model.put("facilitators", List.of());
    }

    List<Map<String, Object>> reached = new ArrayList<>();
    for (var country : results.countriesReached()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", Names.country(country.country(), language, country.countryName()));
      row.put("code", country.country());
      row.put("location", country.location() == null ? "" : country.location());
      row.put("start", date(country.startDate(), locale));
      row.put("end", date(country.endDate(), locale));
      row.put("female", country.female());
      row.put("male", country.male());
      row.put("other", country.other());
      row.put("total", country.total());
      row.put("pre", Digits.figure(score(country.averagePreTestScore(), locale), rtl));
      row.put("post", Digits.figure(score(country.averagePostTestScore(), locale), rtl));
      row.put("gain", Digits.figure(gain(country.averageScoreGain(), locale), rtl));
      row.put("late", country.evaluationLate());
      row.put("reminders", country.remindersSent());
      row.put("submitted", country.evaluationSubmittedAt() == null ? ""
          : date(country.evaluationSubmittedAt().substring(0, 10), locale));
      row.put("organisations", String.join(separator(rtl), country.participantsByOrganisation().entrySet()
          .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
      reached.add(row);
    }
    model.put("reached", reached);
    model.put("organisations", RolloutConsolidation.organisations(results).entrySet().stream()
        .map(e -> Map.of("name", e.getKey(), "count", e.getValue())).toList());
    model.put("withdrawn", results.countriesWithdrawn().stream().map(w -> Map.of(
        "name", Names.country(w.country(), language, w.countryName()), "code", w.country(),
        "reason", w.reason() == null ? "" : w.reason(),
        "stage", w.stage() == null ? "unknown" : w.stage(),
        "date", w.withdrawnAt() == null ? "" : date(w.withdrawnAt().substring(0, 10), locale)))
        .toList());
    return model;
  }

  /** Lists read with the language's comma: Arabic's is U+060C. */
  private static String separator(boolean rightToLeft) {
    return rightToLeft ? "\u060C " : ", ";
  }

  /** A date without the bidirectional marks CLDR puts between an Arabic date's parts (Digits). */
  private static String date(String isoDate, Locale locale) {
    if (isoDate == null) {
      return "";
    }
    return Digits.unmarked(LocalDate.parse(isoDate)
        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)));
  }

  private static String score(BigDecimal value, Locale locale) {
    if (value == null) {
      return "–";
    }
    var format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value) + "\u00a0%"; // no line break between number and sign
  }

  private static String gain(BigDecimal value, Locale locale) {
    if (value == null) {
      return "–";
    }
    String score = score(value.abs(), locale).replace("\u00a0%", "");
    String sign = value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "±";
    return sign + score;
  }
}
