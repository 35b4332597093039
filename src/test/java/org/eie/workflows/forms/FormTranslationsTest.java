package org.eie.workflows.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A form read in another language changes its texts and nothing a submission depends on. */
class FormTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = """
      {"id": "sampleVetting", "schemaVersion": 16, "components": [
        {"id": "Text_1", "type": "text", "text": "## Vet partner project"},
        {"id": "Field_decision", "key": "vettingDecision", "type": "radio", "label": "Decision",
         "validate": {"required": true},
         "values": [{"label": "Accept", "value": "ACCEPT"}, {"label": "Reject", "value": "REJECT"}]},
        {"id": "Field_comment", "key": "vettingComment", "type": "textarea", "label": "Comment",
         "description": "The partner sees it"},
        {"id": "Table_lines", "type": "table", "label": "Budget lines", "dataSource": "=lines",
         "columns": [{"label": "Activity", "key": "activity"}]},
        {"id": "Text_state", "type": "text", "text": "{{state}}"}]}
      """;
  private final FormTranslations translations = FormTranslations.of(Map.of("sampleVetting",
      Map.of("es", Map.of(
          "Text_1.text", "## Evaluar un proyecto de socio",
          "vettingDecision.label", "Decisión",
          "vettingDecision.option.ACCEPT", "Aceptar",
          "vettingComment.label", "Comentario",
          "Table_lines.column.activity", "Actividad"))));

  @Test
  void textsAreTranslatedAndKeysValuesAndIdsStay() throws IOException {
    JsonNode form = JSON.readTree(FORM);
    translations.translate(form, "es", false);

    assertThat(form.path("id").asText()).isEqualTo("sampleVetting");
    assertThat(form.at("/components/0/text").asText()).isEqualTo("## Evaluar un proyecto de socio");
    JsonNode decision = form.at("/components/1");
    assertThat(decision.path("key").asText()).isEqualTo("vettingDecision");
    assertThat(decision.path("label").asText()).isEqualTo("Decisión");
    assertThat(decision.at("/values/0").toString())
        .isEqualTo("{\"label\":\"Aceptar\",\"value\":\"ACCEPT\"}");
    assertThat(decision.at("/validate/required").asBoolean()).isTrue();
    // Untranslated texts stay in English rather than going blank.
    assertThat(decision.at("/values/1/label").asText()).isEqualTo("Reject");
    assertThat(form.at("/components/2/description").asText()).isEqualTo("The partner sees it");
    assertThat(form.at("/components/2/label").asText()).isEqualTo("Comentario");
    assertThat(form.at("/components/3/label").asText()).isEqualTo("Budget lines");
    assertThat(form.at("/components/3/columns/0/label").asText()).isEqualTo("Actividad");
    assertThat(form.at("/components/3/dataSource").asText()).isEqualTo("=lines");
    assertThat(form.at("/components/4/text").asText()).isEqualTo("{{state}}");
    assertThat(form.path(FormTranslations.LANGUAGE).asText()).isEqualTo("es");
    assertThat(form.path(FormTranslations.DIRECTION).asText()).isEqualTo("ltr");
  }

  @Test
  void aTranslatedFormCarriesFormJsRefusalsInItsLanguage() throws IOException {
    JsonNode form = JSON.readTree(FORM);
    translations.translate(form, "es", false);

    JsonNode refusals = form.path(FormTranslations.MESSAGES);
    assertThat(refusals.path("Field is required.").asText()).isEqualTo("Este campo es obligatorio.");
    assertThat(refusals.path("Field must have maximum value of {0}.").asText())
        .isEqualTo("El valor debe ser como máximo {0}.");
    assertThat(refusals.path("Field must match pattern {0}.").asText())
        .isEqualTo("Este campo debe seguir el patrón {0}.");
    assertThat(refusals.size()).isEqualTo(FormTranslations.validationMessages("fr").size())
        .isGreaterThanOrEqualTo(8);

    JsonNode arabic;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/appeal/appealVetting.form")) {
      arabic = JSON.readTree(in);
    }
    FormTranslations.fromClasspath().translate(arabic, "ar", true);
    assertThat(arabic.at("/eie:messages/Field is required.").asText()).isEqualTo("هذا الحقل مطلوب.");
  }

  /**
   * The English texts are form-js's own, word for word as Tasklist's copy of form-js writes them
   * (its {@code ${limit}} where the bundle has {@code {0}}): a new form-js that words them
   * otherwise fails here rather than leaving its refusals in English.
   */
  @Test
  void theEnglishRefusalsAreFormJsOwn() throws IOException {
    String formJs;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/resources/webjars/camunda/lib/deps.js")) {
      assertThat(in).as("Tasklist's form-js").isNotNull();
      formJs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> refusals = FormTranslations.validationMessages("es");
    assertThat(refusals).isNotEmpty();
    for (String english : refusals.keySet()) {
      // form-js composes the number field's "Value is expected to ..." from pieces.
      String text = english.startsWith("Value is expected to ")
          ? english.substring("Value is expected to ".length()).replaceFirst("s?\\.$", "")
          : english;
      String[] parts = text.split("\\{\\d}", -1);
      StringBuilder written = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        written.append(i == 0 ? "" : "\\$\\{[^}]+}").append(Pattern.quote(parts[i]));
      }
      assertThat(Pattern.compile(written.toString()).matcher(formJs).find())
          .as("form-js writes \"%s\"", english).isTrue();
    }
  }

  @Test
  void aLanguageWithoutTranslationsLeavesTheFormAsDeployed() throws IOException {
    JsonNode form = JSON.readTree(FORM);
    translations.translate(form, "pt", false);
    assertThat(form).isEqualTo(JSON.readTree(FORM));
  }

  @Test
  void theDeployedFormsReadRightToLeftInArabic() throws IOException {
    JsonNode form;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/appeal/appealVetting.form")) {
      form = JSON.readTree(in);
    }
    FormTranslations.fromClasspath().translate(form, "ar", true);

    assertThat(form.path("id").asText()).isEqualTo("appealVetting");
    assertThat(form.path(FormTranslations.DIRECTION).asText()).isEqualTo("rtl");
    assertThat(form.at("/components/8/key").asText()).isEqualTo("vettingDecision");
    assertThat(form.at("/components/8/label").asText()).isEqualTo("القرار");
    assertThat(form.at("/components/8/values/0/value").asText()).isEqualTo("ACCEPT");
    assertThat(form.at("/components/8/values/0/label").asText()).isEqualTo("قبول");
  }

  @Test
  void englishTextsAreKeyedByFieldKeyOrComponentId() throws IOException {
    assertThat(FormTranslations.englishTexts(JSON.readTree(FORM))).containsExactly(
        Map.entry("Text_1.text", "## Vet partner project"),
        Map.entry("vettingDecision.label", "Decision"),
        Map.entry("vettingDecision.option.ACCEPT", "Accept"),
        Map.entry("vettingDecision.option.REJECT", "Reject"),
        Map.entry("vettingComment.label", "Comment"),
        Map.entry("vettingComment.description", "The partner sees it"),
        Map.entry("Table_lines.label", "Budget lines"),
        Map.entry("Table_lines.column.activity", "Activity"));
  }

  /** A browser keeps a translated form under its tag: a changed text must change the tag. */
  @Test
  void aChangedTextChangesTheFingerprintAndTheSameTextsKeepIt() {
    var one = FormTranslations.of(Map.of("f", Map.of("fr", Map.of("country.label", "Pays"))));
    var same = FormTranslations.of(Map.of("f", Map.of("fr", Map.of("country.label", "Pays"))));
    var changed = FormTranslations.of(Map.of("f", Map.of("fr", Map.of("country.label", "État"))));
    assertThat(one.fingerprint()).isEqualTo(same.fingerprint())
        .isNotEqualTo(changed.fingerprint());
  }
}
