package org.eie.workflows.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.documents.DocumentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every read endpoint, as the Secretariat and as a Colombia co-lead, over HTTP; and the steps the
 * dashboard shows, in the reader's language.
 */
class ReadApiTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A co-lead who reads French (steps on the dashboard in French; the read API in English). */
  private static final String CO_LEAD = "co.unicef";
  private static final Pattern STAGE = Pattern.compile("<td[^>]*class=\"stage\"[^>]*>([^<]*)</td>");
  private static final Pattern TIMELINE_STEP =
      Pattern.compile("<tr data-step=\"([^\"]+)\">\\s*<td[^>]*>([^<]*)</td>");
  private static final Pattern DURATION_STEP =
      Pattern.compile("<tr data-step=\"[^\"]+\"><td[^>]*>[^<]*</td><td[^>]*>([^<]*)</td>");


  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentStore documents;
  @Autowired
  JdbcClient jdbc;

  Http http;
  DashboardFixture fixture;

  @BeforeEach
  void fixture() {
    http = new Http(port);
    fixture = DashboardFixture.in(engine, http, documents, jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void secretariatSeesEveryCountrysAppealsWithDeadlinesOverdueFlagsAndCoverage() throws Exception {
    JsonNode page = json(http.get("/api/appeals?size=200", "secretariat"), 200);
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(200);
    JsonNode onTrack = item(page, fixture.onTrack);
    JsonNode late = item(page, fixture.late);
    JsonNode colombia = item(page, fixture.colombia);

    assertThat(onTrack.get("country").asText()).isEqualTo("LB");
    assertThat(onTrack.get("countryName").asText()).isEqualTo("Lebanon");
    assertThat(onTrack.get("emergencyType").asText()).isEqualTo("Explosion");
    assertThat(onTrack.get("appealType").asText()).isEqualTo("FLASH_APPEAL");
    assertThat(onTrack.get("status").asText()).isEqualTo("OPEN");
    assertThat(onTrack.get("overdue").asBoolean()).isFalse();
    assertThat(onTrack.get("stage").toString()).contains("Submit a partner project");
    assertThat(deadline(onTrack, "assessment").get("state").asText()).isEqualTo("MET");
    assertThat(deadline(onTrack, "submission").get("state").asText()).isEqualTo("DUE");
    assertThat(deadline(onTrack, "submission").get("daysLeft").asInt()).isEqualTo(2);
    assertThat(deadline(onTrack, "publication").get("dueAt").asText())
        .isEqualTo("2026-11-27T10:08:00Z");
    assertThat(deadline(onTrack, "publication").get("daysLeft").asInt()).isEqualTo(6);
    assertThat(onTrack.at("/nextDeadline/name").asText()).isEqualTo("submission");
    assertThat(onTrack.at("/funding/requiredUsd").decimalValue()).isEqualByComparingTo("1000000");
    assertThat(onTrack.at("/funding/fundedUsd").decimalValue()).isEqualByComparingTo("250000");
    assertThat(onTrack.at("/funding/pledgedUsd").decimalValue()).isEqualByComparingTo("100000");
    assertThat(onTrack.at("/funding/coveragePercent").decimalValue()).isEqualByComparingTo("25.0");

    assertThat(late.get("overdue").asBoolean()).isTrue();
    assertThat(late.get("emergencyType").asText()).isEqualTo("Earthquake");
    assertThat(deadline(late, "assessment").get("state").asText()).isEqualTo("OVERDUE");
    assertThat(deadline(late, "assessment").get("overdueSince").asText())
        .isEqualTo("2026-11-18T12:00:00Z");
    assertThat(deadline(late, "publication").get("daysLeft").asInt()).isEqualTo(2);
    assertThat(late.get("daysSinceOnset").asInt()).isEqualTo(5);

    assertThat(colombia.get("country").asText()).isEqualTo("CO");
    assertThat(colombia.get("stage").toString()).contains("Confirm activation and appeal lead");
    assertThat(deadline(colombia, "assessment").get("daysLeft").asInt()).isEqualTo(2);

    // overdue ones first
    assertThat(indexOf(page, fixture.late)).isLessThan(indexOf(page, fixture.onTrack));
  }

  @Test
  void colombiaCoLeadSeesOnlyColombia() throws Exception {
    JsonNode page = json(http.get("/api/appeals?size=200", "co.unicef"), 200);
    assertThat(ids(page)).contains(fixture.colombia)
        .doesNotContain(fixture.onTrack, fixture.late);
    page.get("items").forEach(item -> assertThat(item.get("country").asText()).isEqualTo("CO"));
    assertThat(json(http.get("/api/appeals?country=LB", "co.unicef"), 200).get("total").asInt())
        .isZero();
  }

  @Test
  void filtersAndPaging() throws Exception {
    JsonNode lebanon = json(http.get("/api/appeals?country=lb&size=200", "secretariat"), 200);
    assertThat(ids(lebanon)).contains(fixture.onTrack, fixture.late)
        .doesNotContain(fixture.colombia);
    JsonNode overdue = json(http.get("/api/appeals?overdue=true&size=200", "secretariat"), 200);
    assertThat(ids(overdue)).contains(fixture.late).doesNotContain(fixture.onTrack);
    overdue.get("items").forEach(item -> assertThat(item.get("overdue").asBoolean()).isTrue());
    JsonNode notOverdue = json(http.get("/api/appeals?overdue=false&status=OPEN&size=200",
        "secretariat"), 200);
    assertThat(ids(notOverdue)).contains(fixture.onTrack, fixture.colombia)
        .doesNotContain(fixture.late);
    JsonNode flash = json(http.get("/api/appeals?appealType=FLASH_APPEAL&size=200",
        "secretariat"), 200);
    assertThat(ids(flash)).contains(fixture.onTrack);
    JsonNode hrp = json(http.get("/api/appeals?appealType=HRP_REVISION&size=200",
        "secretariat"), 200);
    assertThat(ids(hrp)).doesNotContain(fixture.onTrack);
    JsonNode closed = json(http.get("/api/appeals?status=CLOSED&size=200", "secretariat"), 200);
    assertThat(ids(closed)).doesNotContain(fixture.onTrack);

    JsonNode first = json(http.get("/api/appeals?size=1&page=0", "secretariat"), 200);
    JsonNode second = json(http.get("/api/appeals?size=1&page=1", "secretariat"), 200);
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));

    for (String bad : List.of("country=XX", "status=LOST", "appealType=BIG", "size=0",
        "size=1000", "page=-1", "overdue=perhaps")) {
      var response = http.get("/api/appeals?" + bad, "secretariat");
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(response, 400).at("/errors/0/field").asText())
          .isEqualTo(bad.substring(0, bad.indexOf('=')));
    }
  }

  @Test
  void oneAppealWithTimelineCoverageDocumentsAndDeliveries() throws Exception {
    JsonNode detail = json(http.get("/api/appeals/" + fixture.onTrack, "secretariat"), 200);
    assertThat(detail.at("/appeal/id").asText()).isEqualTo(fixture.onTrack);
    assertThat(detail.get("situationSummary").asText()).contains("explosion");
    assertThat(detail.get("affectedAreas").toString()).contains("Beirut");
    assertThat(detail.at("/coverage/coveragePercent").decimalValue()).isEqualByComparingTo("25.0");
    JsonNode learningSpaces = null;
    for (JsonNode line : detail.at("/coverage/byActivity")) {
      if (line.get("activity").asText().equals("TEMPORARY_LEARNING_SPACES")) {
        learningSpaces = line;
      }
    }
    assertThat(learningSpaces).isNotNull();
    assertThat(learningSpaces.get("coveragePercent").decimalValue()).isEqualByComparingTo("41.7");
    assertThat(detail.at("/documents/0/version").asInt()).isEqualTo(1);
    assertThat(detail.at("/documents/0/href").asText())
        .isEqualTo("/api/appeals/" + fixture.onTrack + "/documents/1");
    assertThat(detail.at("/deliveries/0/donor").asText()).isEqualTo("Dashboard Test Fund");
    assertThat(detail.at("/deliveries/0/status").asText()).isEqualTo("WAITING_FOR_MAIL_SERVER");
    var pdf = http.getBytes("/api/appeals/" + fixture.onTrack + "/documents/1", "secretariat");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), StandardCharsets.US_ASCII)).startsWith("%PDF");

    JsonNode assessment = null;
    for (JsonNode step : detail.get("timeline")) {
      if (step.get("activityId").asText().equals("Task_RapidNeedsAssessment")) {
        assessment = step;
      }
    }
    assertThat(assessment).as(detail.get("timeline").toString()).isNotNull();
    assertThat(assessment.get("completedBy").asText()).isEqualTo("lb.savethechildren");
    assertThat(assessment.get("deadline").asText()).isEqualTo("2026-11-23T10:08:00Z");
    assertThat(assessment.get("onTime").asBoolean()).isTrue();
    assertThat(detail.get("timeline").toString()).contains("Submit a partner project");
  }

  @Test
  void anotherCountrysIdAnswersExactlyLikeAnUnknownOne() throws Exception {
    var lebanon = http.get("/api/appeals/" + fixture.onTrack, "co.unicef");
    var unknown = http.get("/api/appeals/no-such-appeal", "co.unicef");
    assertThat(lebanon.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(lebanon.body().replace(fixture.onTrack, "ID"))
        .isEqualTo(unknown.body().replace("no-such-appeal", "ID"));
    assertThat(http.get("/api/appeals/" + fixture.colombia, "co.unicef").statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/appeals/" + fixture.onTrack + "/documents/1", "co.unicef")
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/appeals/" + fixture.onTrack + "/documents/9", "secretariat")
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/appeals", null).statusCode()).isEqualTo(401);
  }

  @Test
  void planningCycles() throws Exception {
    JsonNode page = json(http.get("/api/planning-cycles?size=200", "secretariat"), 200);
    JsonNode cycle = item(page, fixture.cycle);
    assertThat(cycle.get("label").asText()).isEqualTo("2036-2038");
    assertThat(cycle.get("status").asText()).isEqualTo("OPEN");
    assertThat(cycle.get("stage").toString()).contains("Review the previous cycle");
    assertThat(cycle.get("overdueReviews")).isEmpty();
    assertThat(cycle.get("approvals")).isEmpty();
    JsonNode detail = json(http.get("/api/planning-cycles/" + fixture.cycle, "secretariat"), 200);
    assertThat(detail.get("firstYear").asInt()).isEqualTo(2036);
    assertThat(detail.get("ineeApproved").asBoolean()).isFalse();

    var foreign = http.get("/api/planning-cycles/" + fixture.cycle, "co.unicef");
    var unknown = http.get("/api/planning-cycles/nothing", "co.unicef");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body().replace(fixture.cycle, "ID"))
        .isEqualTo(unknown.body().replace("nothing", "ID"));
    assertThat(ids(json(http.get("/api/planning-cycles?size=200", "co.unicef"), 200)))
        .doesNotContain(fixture.cycle);
    assertThat(http.get("/api/planning-cycles?status=SOMETIMES", "secretariat").statusCode())
        .isEqualTo(400);
  }

  @Test
  void trainingRolloutsPerCountry() throws Exception {
    JsonNode page = json(http.get("/api/training-rollouts?size=200", "secretariat"), 200);
    JsonNode rollout = item(page, fixture.rollout);
    assertThat(rollout.get("packageVersion").asText()).isEqualTo("D-dashboard-1.0");
    assertThat(rollout.get("countries")).hasSize(2);
    JsonNode colombia = rollout.get("countries").get(0);
    assertThat(colombia.get("country").asText()).isEqualTo("CO");
    assertThat(colombia.get("workshopStart").asText()).isEqualTo("2026-11-10");
    assertThat(colombia.get("female").asInt()).isEqualTo(12);
    assertThat(colombia.get("male").asInt()).isEqualTo(8);
    assertThat(colombia.at("/evaluation/state").asText()).isEqualTo("DUE");
    assertThat(colombia.at("/evaluation/dueAt").asText()).isEqualTo("2026-11-27T00:00:00Z");
    JsonNode lebanon = rollout.get("countries").get(1);
    assertThat(lebanon.get("country").asText()).isEqualTo("LB");
    assertThat(lebanon.get("plannedStart").asText()).isEqualTo("2026-11-10");
    assertThat(lebanon.get("stage").toString()).contains("Record the workshop delivered");

    JsonNode seenFromColombia = json(http.get("/api/training-rollouts/" + fixture.rollout,
        "co.unicef"), 200);
    assertThat(seenFromColombia.get("countries")).hasSize(1);
    assertThat(seenFromColombia.at("/countries/0/country").asText()).isEqualTo("CO");
    assertThat(seenFromColombia.toString()).doesNotContain("\"LB\"", "Lebanon");

    var foreign = http.get("/api/training-rollouts/" + fixture.rollout, "lb.unicef");
    assertThat(foreign.statusCode()).isEqualTo(200);
    assertThat(json(foreign, 200).toString()).doesNotContain("Colombia");
    var unknown = http.get("/api/training-rollouts/nothing", "co.unicef");
    assertThat(unknown.statusCode()).isEqualTo(404);
    // a user of no country involved sees no rollout at all
    assertThat(http.get("/api/training-rollouts/" + fixture.rollout, "partner.co").statusCode())
        .isEqualTo(404);
  }

  @Test
  void stepDurations() throws Exception {
    JsonNode durations = json(http.get("/api/step-durations", "secretariat"), 200);
    assertThat(durations.has("appeals")).isTrue();
    assertThat(durations.has("trainingRollouts")).isTrue();
  }

  @Test
  void hxlExportsCarryTheHashtagsAndOnlyTheCallersCountries() throws Exception {
    var export = http.get("/api/exports/appeals.csv", "secretariat");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = export.body().split("\r\n");
    assertThat(lines[1].split(",")).contains("#country+code", "#activity+appeal+id+external",
        "#activity+appeal+name", "#date+start", "#sector+cluster+name",
        "#value+funding+required+usd", "#value+funding+total+usd", "#value+funding+pct");
    String row = List.of(lines).stream().filter(line -> line.contains(fixture.onTrackKey))
        .findFirst().orElseThrow();
    assertThat(row).startsWith("LB,Lebanon,").contains(",2026-11-20,", ",Education,",
        ",1000000.00,250000.00,100000.00,25.0,no");

    String plain = http.get("/api/exports/appeals.csv?hxl=false", "secretariat").body();
    assertThat(plain.split("\r\n")[1]).doesNotStartWith("#");

    String colombia = http.get("/api/exports/appeals.csv", "co.unicef").body();
    assertThat(colombia).doesNotContain("Lebanon", fixture.onTrackKey);
    for (String line : colombia.split("\r\n")) {
      if (!line.startsWith("#") && !line.startsWith("Country code")) {
        assertThat(line).startsWith("CO,");
      }
    }

    String requirements = http.get("/api/exports/appeal-requirements.csv", "secretariat").body();
    assertThat(requirements.split("\r\n")[1].split(",")).contains("#org+impl", "#adm1+name",
        "#targeted+f+children", "#targeted+m+children", "#value+funding+required+usd");
  }

  @Test
  void dashboardTakesTheWebappsLogin() throws Exception {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    var page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    var login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=co.unicef&password="
            + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    var dashboard = client.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains(fixture.colombia).doesNotContain(fixture.onTrack,
        "Lebanon");

    var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base + "/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow())
        .endsWith("/dashboard/login");
  }

  @Test
  void aFrenchReaderSeesTheStepsOfAppealsTheirTimelineAndStepTimesInFrench() throws Exception {
    assertThat(http.put("/api/me/language", CO_LEAD, "{\"language\": \"fr\"}").statusCode())
        .isEqualTo(200);
    try {
      frenchStepNames(logIn(CO_LEAD));
    } finally {
      jdbc.sql("delete from eie_user_language where user_id = ?").param(CO_LEAD).update();
    }
  }

  private void frenchStepNames(HttpClient browser) throws Exception {
    String page = page(browser, "/dashboard/appeals/" + fixture.colombia);
    assertThat(texts(STAGE, page, 1)).containsExactly(
        "Confirmer l’activation et le responsable de l’appel");
    List<String> timeline = texts(TIMELINE_STEP, page, 2);
    assertThat(texts(TIMELINE_STEP, page, 1)).contains("Task_ConfirmActivation");
    assertThat(timeline).contains("Confirmer l’activation et le responsable de l’appel");
    assertThat(englishStepNames(String.join("\n", texts(STAGE, page, 1)) + "\n"
        + String.join("\n", timeline))).isEmpty();

    String overview = page(browser, "/dashboard");
    List<String> stages = texts(STAGE, overview, 1);
    assertThat(stages).contains("Confirmer l’activation et le responsable de l’appel");
    assertThat(englishStepNames(String.join("\n", stages))).isEmpty();

    // The time per step names the steps a co-lead's countries completed, in French too.
    List<String> timed = texts(DURATION_STEP, page(browser, "/dashboard/durations"), 1);
    assertThat(timed).isNotEmpty();
    assertThat(englishStepNames(String.join("\n", timed))).isEmpty();

    // The read API answers programs: the engine's names, whatever the caller reads.
    var api = JSON.readTree(http.get("/api/appeals/" + fixture.colombia, CO_LEAD).body());
    assertThat(api.at("/appeal/stage/0").asText()).isEqualTo("Confirm activation and appeal lead");
    assertThat(api.at("/timeline/0/activityId").asText()).isEqualTo("Task_ConfirmActivation");
  }

  /** The diagrams' English step names found in the text. */
  private static List<String> englishStepNames(String text) throws Exception {
    Properties english = new Properties();
    try (Reader in = Files.newBufferedReader(
        Path.of("src/main/resources/templates/dashboard/steps.properties"),
        StandardCharsets.UTF_8)) {
      english.load(in);
    }
    return english.stringPropertyNames().stream().map(english::getProperty).distinct()
        .filter(name -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})")
            .matcher(text).find()).toList();
  }

  private static List<String> texts(Pattern pattern, String html, int group) {
    List<String> texts = new ArrayList<>();
    Matcher matcher = pattern.matcher(html);
    while (matcher.find()) {
      texts.add(matcher.group(group).replace("&#39;", "'").replace("&amp;", "&").strip());
    }
    return texts;
  }

  private HttpClient logIn(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = page(browser, "/dashboard/login");
    Matcher csrf = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")
        .matcher(login);
    assertThat(csrf.find()).as(login).isTrue();
    var response = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/dashboard/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&"
            + csrf.group(1) + "=" + URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Location").orElse(""))
        .as("signed in").doesNotContain("error");
    return browser;
  }

  private String page(HttpClient browser, String path) throws Exception {
    var response = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static JsonNode item(JsonNode page, String id) {
    for (JsonNode item : page.get("items")) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("No " + id + " in " + page);
  }

  private static int indexOf(JsonNode page, String id) {
    return ids(page).indexOf(id);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static JsonNode deadline(JsonNode appeal, String name) {
    for (JsonNode deadline : appeal.get("deadlines")) {
      if (deadline.get("name").asText().equals(name)) {
        return deadline;
      }
    }
    throw new AssertionError("No deadline " + name + " in " + appeal);
  }
}
