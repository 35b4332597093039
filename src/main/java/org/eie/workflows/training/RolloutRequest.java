package org.eie.workflows.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eie.workflows.forms.FormReader;
import org.eie.workflows.identity.Groups;

/**
 * What the Secretariat starts a rollout with, from the REST API or the Tasklist start form.
 *
 * @param packageVersion       version of the training package, e.g. "2.1"
 * @param modules              module titles, each confirmed against the INEE Minimum Standards
 * @param countries            target countries (ISO codes of configured country clusters)
 * @param languages            Language Communities that translate and validate (ar, fr, pt, es)
 * @param evaluationPeriodDays optional: days after a workshop for the evaluation report
 * @param reportLanguage       optional: language of the rollout report (en or fr)
 */
record RolloutRequest(String packageVersion, List<String> modules, List<String> countries,
    List<String> languages, Integer evaluationPeriodDays, String reportLanguage) {

  static final Set<String> REPORT_LANGUAGES =
      Set.copyOf(org.eie.workflows.language.Languages.CODES);

  /** Reads and checks the request, normalised (codes in their canonical case, no duplicates). */
  static RolloutRequest validated(Map<String, Object> values, Set<String> knownCountries,
      int defaultEvaluationPeriodDays) {
    var form = new FormReader(values);
    String packageVersion = form.text("packageVersion", true, 50);
    List<String> modules = form.lines("modules", true, 200, 50);
    List<String> countries = new ArrayList<>(new LinkedHashSet<>(form.entries("countries", true)
        .stream().map(code -> code.toUpperCase(Locale.ROOT)).toList()));
    List<String> languages = new ArrayList<>(new LinkedHashSet<>(form.entries("languages", true)
        .stream().map(code -> code.toLowerCase(Locale.ROOT)).toList()));
    Long days = form.count("evaluationPeriodDays", false);
    String reportLanguage = form.text("reportLanguage", false);
    form.throwIfInvalid();

    form.check(new LinkedHashSet<>(modules).size() == modules.size(), "modules",
        "each module once");
    for (String country : countries) {
      form.check(knownCountries.contains(country), "countries", "'" + country
          + "' is not a country cluster of this installation (known: "
          + String.join(", ", knownCountries) + ")");
    }
    for (String language : languages) {
      form.check(Groups.LANGUAGES.contains(language), "languages", "'" + language
          + "' has no Language Community (known: " + String.join(", ", Groups.LANGUAGES) + ")");
    }
    form.check(days == null || days >= 1 && days <= 90, "evaluationPeriodDays",
        "must be from 1 to 90 days");
    int period = days == null ? defaultEvaluationPeriodDays : days.intValue();
    reportLanguage = reportLanguage == null ? "en" : reportLanguage.toLowerCase(Locale.ROOT);
    form.check(REPORT_LANGUAGES.contains(reportLanguage), "reportLanguage",
        "the report is available in en or fr");
    form.throwIfInvalid();
    return new RolloutRequest(packageVersion, modules, countries, languages, period,
        reportLanguage);
  }

  /** The request as the values {@link #validated} reads, for requests that arrive as JSON. */
  static Map<String, Object> values(String packageVersion, Object modules, Object countries,
      Object languages, Object evaluationPeriodDays, Object reportLanguage) {
    Map<String, Object> values = new HashMap<>();
    values.put("packageVersion", packageVersion);
    values.put("modules", modules);
    values.put("countries", countries);
    values.put("languages", languages);
    values.put("evaluationPeriodDays", evaluationPeriodDays);
    values.put("reportLanguage", reportLanguage);
    return values;
  }
}
