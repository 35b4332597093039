package org.eie.workflows.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    var input = new FormInput(values);
    String packageVersion = input.text("packageVersion");
    FormInput.require(packageVersion.length() <= 50, "packageVersion", "at most 50 characters");
    List<String> modules = input.lines("modules");
    FormInput.require(new LinkedHashSet<>(modules).size() == modules.size(), "modules",
        "each module once");
    FormInput.require(modules.size() <= 50, "modules", "at most 50 modules");
    modules.forEach(module -> FormInput.require(module.length() <= 200, "modules",
        "a module title has at most 200 characters"));

    List<String> countries = new ArrayList<>(new LinkedHashSet<>(input.list("countries", true)
        .stream().map(code -> code.toUpperCase(Locale.ROOT)).toList()));
    for (String country : countries) {
      FormInput.require(knownCountries.contains(country), "countries", "'" + country
          + "' is not a country cluster of this installation (known: "
          + String.join(", ", knownCountries) + ")");
    }
    List<String> languages = new ArrayList<>(new LinkedHashSet<>(input.list("languages", true)
        .stream().map(code -> code.toLowerCase(Locale.ROOT)).toList()));
    for (String language : languages) {
      FormInput.require(Groups.LANGUAGES.contains(language), "languages", "'" + language
          + "' has no Language Community (known: " + String.join(", ", Groups.LANGUAGES) + ")");
    }

    int period = defaultEvaluationPeriodDays;
    if (values.get("evaluationPeriodDays") != null
        && !values.get("evaluationPeriodDays").toString().isBlank()) {
      period = input.count("evaluationPeriodDays");
      FormInput.require(period >= 1 && period <= 90, "evaluationPeriodDays",
          "must be from 1 to 90 days");
    }
    String reportLanguage = input.optionalText("reportLanguage");
    reportLanguage = reportLanguage == null ? "en" : reportLanguage.toLowerCase(Locale.ROOT);
    FormInput.require(REPORT_LANGUAGES.contains(reportLanguage), "reportLanguage",
        "the report is available in en or fr");
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
