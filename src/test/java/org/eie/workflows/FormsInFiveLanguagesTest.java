package org.eie.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eie.workflows.forms.FormTranslations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Camunda Form reads in each of our languages: for each {@code bpmn/<process>/<name>.form},
 * the bundle {@code bpmn/<process>/i18n/<formId>.properties} holds every text of the form
 * (labels, descriptions, placeholders, texts, options, columns: {@link FormTranslations}) exactly
 * as the form says it, and no key the form lacks; its {@code _fr}, {@code _es}, {@code _pt} and
 * {@code _ar} siblings pass {@link BundlesInFiveLanguagesTest}'s rules (every key, none blank,
 * none left in English unless listed in a {@code # same:} comment). A changed English text fails
 * here until its bundle says it too, a reminder that its translations need the same change.
 */
class FormsInFiveLanguagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTextOfEveryFormIsTranslatedIntoEveryLanguage() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).as("forms found").hasSizeGreaterThan(30);
    List<String> problems = new ArrayList<>();
    for (Path form : forms) {
      problems.addAll(problemsOf(form));
    }
    assertThat(problems).as("%d problems in the forms' translations (%s)", problems.size(),
        "a text rightly left in English goes in a '# same: key' comment of that language's file")
        .isEmpty();
  }

  @Test
  void theCheckNamesFormAndKeyOfWhatIsWrong(@TempDir Path folder) throws IOException {
    Path form = folder.resolve("sample.form");
    Files.writeString(form, """
        {"id": "sampleForm", "components": [
          {"id": "Text_1", "type": "text", "text": "## Decide"},
          {"id": "Field_1", "key": "decision", "type": "radio", "label": "Decision",
           "values": [{"label": "Accept", "value": "ACCEPT"}, {"label": "Reject", "value": "REJECT"}]},
          {"id": "Text_2", "type": "text", "text": "{{state}}"}]}
        """);
    Path bundles = Files.createDirectory(folder.resolve("i18n"));
    Files.writeString(bundles.resolve("sampleForm.properties"),
        "Text_1.text=## Decide\ndecision.label=Decision\ndecision.option.ACCEPT=Accepted\n");
    for (String language : List.of("fr", "es", "pt", "ar")) {
      Files.writeString(bundles.resolve("sampleForm_" + language + ".properties"),
          "Text_1.text=## Décider\ndecision.label=Decision\ndecision.option.ACCEPT=Oui\n",
          StandardCharsets.UTF_8);
    }

    assertThat(problemsOf(form)).contains(
        form + ": decision.option.ACCEPT: the form says 'Accept', its English bundle 'Accepted'",
        form + ": decision.option.REJECT: missing from " + bundles.resolve("sampleForm.properties"),
        bundles.resolve("sampleForm_fr.properties") + ": decision.label: still the English text"
            + " 'Decision' (if meant, add it to a '# same:' comment)");
  }

  private static List<String> problemsOf(Path form) throws IOException {
    String id = JSON.readTree(form.toFile()).path("id").asText();
    Path english = form.resolveSibling("i18n").resolve(id + ".properties");
    if (!Files.exists(english)) {
      return List.of(form + ": no translations (" + english + " and its _fr, _es, _pt, _ar)");
    }
    Map<String, String> texts = FormTranslations.englishTexts(JSON.readTree(form.toFile()));
    Properties bundle = new Properties();
    try (Reader in = Files.newBufferedReader(english, StandardCharsets.UTF_8)) {
      bundle.load(in);
    }
    List<String> problems = new ArrayList<>();
    texts.forEach((key, text) -> {
      String said = bundle.getProperty(key);
      if (said == null) {
        problems.add(form + ": " + key + ": missing from " + english);
      } else if (!said.equals(text)) {
        problems.add(form + ": " + key + ": the form says '" + text + "', its English bundle '"
            + said + "'");
      }
    });
    for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
      if (!texts.containsKey(key)) {
        problems.add(english + ": " + key + ": no such text on " + form);
      }
    }
    problems.addAll(BundlesInFiveLanguagesTest.problemsOf(english));
    return problems;
  }
}
