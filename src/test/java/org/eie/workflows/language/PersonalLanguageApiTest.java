package org.eie.workflows.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET/PUT /api/me/language}: each person's one language, their own only. */
class PersonalLanguageApiTest extends PostgresApplicationTest {

  static final String LEBANON = "lb.unicef";
  static final String COLOMBIA = "co.unicef";

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  Http http;

  @BeforeEach
  @AfterEach
  void nobodyHasChosen() {
    http = new Http(port);
    jdbc.sql("delete from eie_user_language").update();
  }

  @Test
  void theChosenLanguageWinsOverTheBrowsersAndStaysTheUsersOwn() throws Exception {
    assertThat(read(LEBANON, "es-ES,es;q=0.9,en;q=0.5"))
        .isEqualTo("{\"language\":\"es\",\"chosen\":false}");
    assertThat(read(LEBANON, "de-DE,de;q=0.9")).isEqualTo("{\"language\":\"en\",\"chosen\":false}");
    assertThat(read(LEBANON, null)).isEqualTo("{\"language\":\"en\",\"chosen\":false}");

    var chosen = http.put("/api/me/language", LEBANON, "{\"language\": \"ar\"}");
    assertThat(chosen.statusCode()).isEqualTo(200);
    assertThat(chosen.body()).isEqualTo("{\"language\":\"ar\",\"chosen\":true}");

    // Every request of the API is a session of its own: the choice is stored, not remembered.
    assertThat(read(LEBANON, "es-ES,es;q=0.9")).isEqualTo("{\"language\":\"ar\",\"chosen\":true}");
    assertThat(read(COLOMBIA, "es-ES,es;q=0.9"))
        .isEqualTo("{\"language\":\"es\",\"chosen\":false}");
    // One language per person: the task e-mails follow it.
    assertThat(http.get("/api/me/notifications", LEBANON).body()).contains("\"language\":\"ar\"");
    assertThat(http.get("/api/me/notifications", COLOMBIA).body()).contains("\"language\":\"en\"");

    assertThat(http.put("/api/me/language", COLOMBIA, "{\"language\": \"PT\"}").body())
        .isEqualTo("{\"language\":\"pt\",\"chosen\":true}");
    assertThat(read(LEBANON, null)).contains("\"ar\"");
    assertThat(read(COLOMBIA, null)).contains("\"pt\"");
  }

  @Test
  void anythingButOurFiveLanguagesIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
    for (String body : new String[] {"{\"language\": \"xx\"}", "{\"language\": \"\"}",
        "{\"language\": null}", "{}", "{\"language\": 7}", "{\"language\": \"fr-FR\"}"}) {
      HttpResponse<String> refused = http.put("/api/me/language", LEBANON, body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).get().asString()
          .startsWith("application/problem+json");
      JsonNode problem = new ObjectMapper().readTree(refused.body());
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("errors").get(0).path("field").asText()).as(body)
          .isEqualTo("language");
    }
    assertThat(http.put("/api/me/language", LEBANON, "{\"language\": \"xx\"}").body())
        .contains("one of en, fr, es, pt, ar");
    // The user is the one signed in; a body cannot name another.
    var other = http.put("/api/me/language", LEBANON,
        "{\"language\": \"fr\", \"userId\": \"co.unicef\"}");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("\"field\":\"userId\"");

    assertThat(jdbc.sql("select count(*) from eie_user_language").query(Long.class).single())
        .isZero();
    assertThat(http.get("/api/me/language", null).statusCode()).isEqualTo(401);
    assertThat(http.put("/api/me/language", null, "{\"language\": \"fr\"}").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theSameRefusalIsWordedInEachCallersLanguage() throws Exception {
    http.put("/api/me/language", COLOMBIA, "{\"language\": \"es\"}");

    JsonNode spanish = refusal(COLOMBIA, null, "{\"language\": \"xx\"}");
    JsonNode english = refusal(LEBANON, null, "{\"language\": \"xx\"}");
    assertThat(spanish.path("errors").get(0).path("message").asText())
        .isEqualTo("«xx» no es uno de nuestros idiomas (uno de en, fr, es, pt, ar)");
    assertThat(english.path("errors").get(0).path("message").asText())
        .isEqualTo("'xx' is not one of our languages (one of en, fr, es, pt, ar)");
    assertThat(spanish.path("title").asText()).isEqualTo("Datos no válidos");
    assertThat(english.path("title").asText()).isEqualTo("Invalid input");
    assertThat(spanish.path("errors").get(0).path("field").asText()).isEqualTo("language");

    assertThat(refusal(COLOMBIA, null, "{\"language\": ").path("errors").get(0)
        .path("message").asText()).isEqualTo("no es JSON válido");
    assertThat(refusal(LEBANON, null, "{\"language\": ").path("errors").get(0)
        .path("message").asText()).isEqualTo("is not valid JSON");
    // Not chosen: the browser's language; chosen: the choice, whatever the browser says.
    assertThat(refusal(LEBANON, "fr-FR,fr;q=0.9", "{}").path("errors").get(0)
        .path("message").asText()).isEqualTo("est obligatoire (l’une de en, fr, es, pt, ar)");
    assertThat(refusal(COLOMBIA, "fr-FR,fr;q=0.9", "{}").path("errors").get(0)
        .path("message").asText()).isEqualTo("es obligatorio (uno de en, fr, es, pt, ar)");
  }

  private JsonNode refusal(String user, String acceptLanguage, String body) throws Exception {
    var request = http.request("/api/me/language", user).header("Content-Type",
        "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> refused = http.send(request);
    assertThat(refused.statusCode()).as(body).isEqualTo(400);
    return new ObjectMapper().readTree(refused.body());
  }

  private String read(String user, String acceptLanguage) {
    var request = http.request("/api/me/language", user).GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> answer = http.send(request);
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }
}
