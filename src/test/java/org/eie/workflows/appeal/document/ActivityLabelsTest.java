package org.eie.workflows.appeal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.eie.workflows.appeal.AppealInputs;
import org.eie.workflows.appeal.PriorityActivity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One name per activity code, the appeal document's, wherever people read it: the PDF, the
 * forms, Tasklist's headings, the dashboard and the exports; and each of them earmarks a pledge
 * or budgets a project.
 */
@Tag("fast")
class ActivityLabelsTest {

  @Test
  void everyPlaceNamesAnActivityAsTheDocumentDoes() throws IOException {
    Properties dashboard = properties("src/main/resources/templates/dashboard/messages.properties");
    Properties dashboardFr = properties(
        "src/main/resources/templates/dashboard/messages_fr.properties");
    Properties tasklist = properties("src/main/resources/tasklist/messages.properties");
    for (PriorityActivity activity : PriorityActivity.values()) {
      String english = activity.label(Locale.ENGLISH);
      String code = activity.name();
      assertThat(dashboard.getProperty("activity." + code)).as("dashboard " + code)
          .isEqualTo(english);
      assertThat(tasklist.getProperty("label." + code)).as("Tasklist " + code).isEqualTo(english);
      assertThat(AppealDocumentMapper.activityName(code)).isEqualTo(english);
      assertThat(formLabels(code)).as("forms' " + code).isNotEmpty().containsOnly(english);
      assertThat(dashboardFr.getProperty("activity." + code)).as("dashboard fr " + code)
          .isEqualTo(activity.label(Locale.FRENCH));
    }
    assertThat(PriorityActivity.TEACHER_SUPPORT.label(Locale.ENGLISH)).isEqualTo("Teacher support");
  }

  @Test
  void anActivityIsFoundByItsCodeOrByItsNameInAnyLanguageOfTheDocument() {
    for (PriorityActivity activity : PriorityActivity.values()) {
      assertThat(PriorityActivity.parse(activity.name().toLowerCase(Locale.ROOT)))
          .isEqualTo(activity);
      for (String language : AppealInputs.LANGUAGES) {
        String name = activity.label(Locale.forLanguageTag(language));
        assertThat(PriorityActivity.parse(name)).as(language + ": " + name).isEqualTo(activity);
        assertThat(PriorityActivity.parse("  " + name.toUpperCase(Locale.ROOT) + " "))
            .isEqualTo(activity);
      }
    }
    assertThat(PriorityActivity.parse("Teaching and learning materials"))
        .isEqualTo(PriorityActivity.TEACHING_LEARNING_MATERIALS);
    assertThat(PriorityActivity.parse("Teacher support and training")).isNull();
  }

  private static List<String> formLabels(String code) throws IOException {
    List<String> labels = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("bpmn", "appeal"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()), code, labels);
      }
    }
    return labels;
  }

  private static void collect(JsonNode node, String code, List<String> labels) {
    if (node.isObject() && code.equals(node.path("value").asText(null))
        && node.has("label")) {
      labels.add(node.get("label").asText());
    }
    node.forEach(child -> collect(child, code, labels));
  }

  private static Properties properties(String path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
