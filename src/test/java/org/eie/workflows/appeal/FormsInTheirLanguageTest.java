package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A co-lead who chose Spanish reads the appeal's forms in Spanish over the engine's REST API, as
 * Tasklist does, and the form they submit carries the deployed keys and values: the process goes
 * on as in English. A colleague of the same country who chose nothing reads the English form.
 * What the engine refuses reads in the same language as the form.
 */
class FormsInTheirLanguageTest extends AppealHttpTest {

  private static final String SPANISH = "co.unicef";
  private static final String UNCHOSEN = "co.savethechildren";
  private static final String SPANISH_LB = "lb.unicef";
  private static final String UNCHOSEN_LB = "lb.savethechildren";
  private static final String ONLY_THEIR_CO_LEAD = "solo un colíder de Save the Children en LB"
      + " (miembro de coleads-LB y de org-save-the-children) puede tomar o dar la aprobación de"
      + " Save the Children; lb.unicef no lo es";

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void nobodyHasChosen() {
    jdbc.sql("delete from eie_user_language where user_id in (?, ?, ?, ?)")
        .params(SPANISH, UNCHOSEN, SPANISH_LB, UNCHOSEN_LB).update();
  }

  @Test
  void aSpanishCoLeadReadsTheFormsInSpanishAndSubmitsTheSameKeys() throws Exception {
    assertThat(http.put("/api/me/language", SPANISH, "{\"language\": \"es\"}").statusCode())
        .isEqualTo(200);

    JsonNode start = form("/engine-rest/process-definition/key/emergencyFundingAppeal"
        + "/deployed-start-form", SPANISH);
    assertThat(start.path("id").asText()).isEqualTo("appealTrigger");
    JsonNode country = component(start, "country");
    assertThat(country.path("label").asText()).isEqualTo("País");
    assertThat(option(country, "CD").path("label").asText())
        .isEqualTo("República Democrática del Congo");
    assertThat(component(start, "appealType").path("label").asText())
        .isEqualTo("Tipo de llamamiento");

    Map<String, Object> trigger = new HashMap<>(AppealScenario.trigger());
    trigger.put("country", "CO");
    trigger.put("affectedAreas", "Arauca\nCúcuta");
    ProcessInstance appeal = scenario.start(SPANISH, trigger);
    Task confirm = scenario.task(appeal, "Task_ConfirmActivation");
    String path = "/engine-rest/task/" + confirm.getId() + "/deployed-form";

    JsonNode spanish = form(path, SPANISH);
    assertThat(spanish.path("id").asText()).isEqualTo("appealActivation");
    assertThat(spanish.path("eie:language").asText()).isEqualTo("es");
    JsonNode decision = component(spanish, "activated");
    assertThat(decision.path("label").asText()).isEqualTo("Decisión");
    assertThat(option(decision, "true").path("label").asText())
        .isEqualTo("Sí: activar el llamamiento");
    assertThat(option(decision, "false").path("label").asText()).isEqualTo("No: no activar");
    assertThat(component(spanish, "activationReason").path("label").asText()).isEqualTo("Motivo");
    assertThat(component(spanish, "appealLead").path("description").asText())
        .isEqualTo("Quién dirige este llamamiento por el clúster");

    JsonNode english = form(path, UNCHOSEN);
    assertThat(component(english, "activated").path("label").asText()).isEqualTo("Decision");
    assertThat(english.has("eie:language")).isFalse();
    // Only the texts differ: the same components, keys, values and validation.
    assertThat(keysAndValues(spanish)).isEqualTo(keysAndValues(english));

    var submitted = http.post("/engine-rest/task/" + confirm.getId() + "/submit-form", SPANISH,
        "{\"variables\":{\"activated\":{\"value\":\"true\"},"
            + "\"activationReason\":{\"value\":\"Llamamiento urgente pedido por el CH\"},"
            + "\"appealLead\":{\"value\":\"UNICEF\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(scenario.tasks(appeal, "Task_ConfirmActivation")).isEmpty();
    assertThat(scenario.tasks(appeal, "Task_RapidNeedsAssessment")).hasSize(1);
  }

  /**
   * A refusal raised inside the engine (the four-eyes rule when a sign-off is claimed, a form
   * rule when it is submitted) reads in the language of whoever it refuses, with the same status.
   */
  @Test
  void refusalsFromInsideTheEngineReadInTheCallersLanguage() throws Exception {
    assertThat(http.put("/api/me/language", SPANISH_LB, "{\"language\": \"es\"}").statusCode())
        .isEqualTo(200);
    ProcessInstance appeal = scenario.signedForUnicef();
    Task saveTheChildren = scenario.task(appeal, "Task_SignOffSaveTheChildren");
    String task = "/engine-rest/task/" + saveTheChildren.getId();

    // lb.unicef signed for UNICEF: the other organisation's sign-off is not theirs to hold.
    var claimed = http.post(task + "/claim", SPANISH_LB, "{\"userId\": \"" + SPANISH_LB + "\"}");
    assertThat(claimed.statusCode()).isEqualTo(403);
    assertThat(message(claimed.body())).isEqualTo("lb.unicef no puede tomar esta aprobación: "
        + ONLY_THEIR_CO_LEAD);
    assertThat(saveTheChildren.getAssignee()).isNull();

    var sentBackBlank = submitBody(Map.of("signOffDecision", "SEND_BACK"));
    var spanishRefusal = trySubmitRawTo(SPANISH_LB, saveTheChildren.getId(), sentBackBlank);
    assertThat(spanishRefusal.statusCode()).isEqualTo(400);
    assertThat(message(spanishRefusal.body())).isEqualTo("Decisión: " + ONLY_THEIR_CO_LEAD);

    // The Save the Children co-lead, who chose no language: the same rule, in English.
    var englishRefusal = trySubmitRawTo(UNCHOSEN_LB, saveTheChildren.getId(), sentBackBlank);
    assertThat(englishRefusal.statusCode()).isEqualTo(400);
    assertThat(message(englishRefusal.body())).isEqualTo("Comment: is required");
    assertThat(http.put("/api/me/language", UNCHOSEN_LB, "{\"language\": \"es\"}").statusCode())
        .isEqualTo(200);
    var nowSpanish = trySubmitRawTo(UNCHOSEN_LB, saveTheChildren.getId(), sentBackBlank);
    assertThat(nowSpanish.statusCode()).isEqualTo(400);
    assertThat(message(nowSpanish.body())).isEqualTo("Comentario: es obligatorio");
    assertThat(scenario.tasks(appeal, "Task_SignOffSaveTheChildren")).hasSize(1);
  }

  private String message(String body) throws Exception {
    return json.readTree(body).path("message").asText();
  }

  private JsonNode form(String path, String user) throws Exception {
    var answer = http.get(path, user);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("No field " + key + " on " + form.path("id"));
  }

  private static JsonNode option(JsonNode field, String value) {
    for (JsonNode option : field.path("values")) {
      if (value.equals(option.path("value").asText())) {
        return option;
      }
    }
    throw new AssertionError("No option " + value + " on " + field.path("key"));
  }

  /** The form without its texts. */
  private static String keysAndValues(JsonNode form) {
    return form.path("components").toString()
        .replaceAll("\"(label|description|text|placeholder)\":\"[^\"]*\"", "");
  }
}
