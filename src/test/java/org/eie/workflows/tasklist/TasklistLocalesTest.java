package org.eie.workflows.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eie.workflows.language.Languages;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's own screens exist in each of our languages: Camunda's English locale file (from its
 * webjar, {@code app/tasklist/locales/en.json}) has a translation of every label in ours
 * ({@code src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales/<code>.json}),
 * none blank where English says something, with the same {@code {{placeholders}}} and links, the
 * dates' month and day names complete; and config.js offers exactly {@link Languages#CODES}.
 */
class TasklistLocalesTest {

  private static final Path OURS =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final Pattern LINK = Pattern.compile("href=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLabelOfTasklistIsTranslatedIntoEachOfOurLanguages() throws IOException {
    JsonNode english = camundasEnglish();
    assertThat(english.path("labels").size()).as("labels of Camunda's en.json").isGreaterThan(300);
    List<String> problems = new ArrayList<>();
    for (String code : Languages.CODES) {
      if (Languages.ENGLISH.equals(code)) {
        continue;
      }
      Path file = OURS.resolve("locales/" + code + ".json");
      if (!Files.exists(file)) {
        problems.add(file + " is missing");
        continue;
      }
      JsonNode ours = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      english.path("labels").fieldNames().forEachRemaining(key -> {
        String said = english.path("labels").path(key).asText();
        JsonNode translated = ours.path("labels").get(key);
        if (translated == null || (!said.isBlank() && translated.asText().isBlank())) {
          problems.add(code + ": " + key + " is missing or blank");
        } else if (!found(PLACEHOLDER, said).equals(found(PLACEHOLDER, translated.asText()))
            || !found(LINK, said).equals(found(LINK, translated.asText()))) {
          problems.add(code + ": " + key + " has other placeholders or links than English");
        }
      });
      ours.path("labels").fieldNames().forEachRemaining(key -> {
        if (!english.path("labels").has(key)) {
          problems.add(code + ": " + key + " is no label of Tasklist");
        }
      });
      for (String names : List.of("months", "monthsShort", "weekdays", "weekdaysShort",
          "weekdaysMin")) {
        if (ours.path("dateLocales").path(names).size()
            != english.path("dateLocales").path(names).size()) {
          problems.add(code + ": dateLocales." + names + " is incomplete");
        }
      }
    }
    assertThat(problems).as("%d problems in Tasklist's locale files", problems.size()).isEmpty();
  }

  @Test
  void tasklistOffersEachOfOurLanguagesWithEnglishToFallBackOn() throws IOException {
    String config = Files.readString(OURS.resolve("scripts/config.js"), StandardCharsets.UTF_8);
    Matcher offered = Pattern.compile("availableLocales:\\s*\\[([^]]*)]").matcher(config);
    assertThat(offered.find()).as("availableLocales in config.js").isTrue();
    assertThat(offered.group(1).replaceAll("[\\s']", "").split(","))
        .containsExactlyElementsOf(Languages.CODES);
    assertThat(config).contains("fallbackLocale: 'en'");
  }

  private static JsonNode camundasEnglish() throws IOException {
    try (InputStream in = TasklistLocalesTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/tasklist/locales/en.json")) {
      assertThat(in).as("Camunda's webjar on the class path").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return JSON.readTree(text);
    }
  }

  private static Set<String> found(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
