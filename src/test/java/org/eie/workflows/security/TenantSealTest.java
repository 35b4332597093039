package org.eie.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Another country's task, process instance, comment or attachment answers, to anyone outside
 * that country, exactly as an id that does not exist: through the REST API (HTTP Basic, default
 * and named engine paths) and through the webapps' engine API (session cookie and CSRF token),
 * reading and writing alike. Colombia's co-lead still reads Colombia's own comment and file.
 */
class TenantSealTest extends PostgresApplicationTest {

  private static final String SECRET_COMMENT = "Colombia's confidential note on the floods";
  private static final String SECRET_FILE = "Colombia's confidential site list";
  private static final String BOUNDARY = "TenantSealBoundary";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ObjectMapper json;

  Http http;

  /** Colombia's appeal and what hangs on it, created once as Colombia's co-lead. */
  static Map<String, String> colombia;
  /** A Lebanon appeal, for what Lebanon's co-lead may do on their own task. */
  static Map<String, String> lebanon;
  static ProcessEngine startedBy;
  static final Map<String, WebappSession> SESSIONS = new HashMap<>();

  /** One way to call the engine API as a user: its prefix, and how a request is sent. */
  record Channel(String name, String user, String prefix) {
    @Override
    public String toString() {
      return user + " via " + name;
    }
  }

  /** One call by id: method, path below the engine root with placeholders, body, answer. */
  record Call(String method, String path, String body, int expectedStatus) {
    static Call get(String path) {
      return new Call("GET", path, null, 404);
    }

    static Call write(String method, String path, String body) {
      return new Call(method, path, body, 404);
    }
  }

  static final List<Call> READS = List.of(
      Call.get("/task/TASK"),
      Call.get("/task/TASK/comment"),
      Call.get("/task/TASK/comment/COMMENT"),
      Call.get("/task/TASK/attachment"),
      Call.get("/task/TASK/attachment/ATTACHMENT"),
      Call.get("/task/TASK/attachment/ATTACHMENT/data"),
      Call.get("/task/TASK/identity-links"),
      Call.get("/task/TASK/variables"),
      Call.get("/task/TASK/form-variables"),
      Call.get("/task/TASK/form"),
      Call.get("/process-instance/INSTANCE"),
      Call.get("/process-instance/INSTANCE/comment"),
      Call.get("/process-instance/INSTANCE/variables"),
      Call.get("/process-instance/INSTANCE/activity-instances"),
      Call.get("/execution/INSTANCE"),
      Call.get("/execution/INSTANCE/localVariables"),
      Call.get("/history/process-instance/INSTANCE"),
      Call.get("/history/variable-instance/HISTORIC_VARIABLE"),
      Call.get("/history/variable-instance/HISTORIC_VARIABLE/data"),
      Call.get("/history/detail/HISTORIC_DETAIL"),
      Call.get("/history/activity-instance/HISTORIC_ACTIVITY"),
      Call.get("/job/JOB"),
      Call.get("/job/JOB/stacktrace"),
      Call.get("/incident/INCIDENT"),
      Call.get("/history/job-log/JOB_LOG"),
      Call.get("/history/job-log/JOB_LOG/stacktrace"),
      // Queries by id answer an empty list, for another country's id as for an unknown one.
      new Call("GET", "/history/task?taskId=TASK", null, 200),
      new Call("GET", "/history/identity-link-log?taskId=TASK", null, 200),
      new Call("GET", "/history/user-operation?processInstanceId=INSTANCE", null, 200),
      new Call("GET", "/variable-instance?processInstanceIdIn=INSTANCE", null, 200));

  static final List<Call> WRITES = List.of(
      Call.write("POST", "/task/TASK/comment/create", "{\"message\":\"Seen from Lebanon\"}"),
      Call.write("POST", "/task/TASK/attachment/create", "MULTIPART"),
      Call.write("PUT", "/task/TASK/comment", "{\"id\":\"COMMENT\",\"message\":\"changed\"}"),
      Call.write("DELETE", "/task/TASK/comment/COMMENT", null),
      Call.write("DELETE", "/task/TASK/comment", null),
      Call.write("DELETE", "/task/TASK/attachment/ATTACHMENT", null),
      Call.write("POST", "/task/TASK/identity-links",
          "{\"groupId\":\"coleads-LB\",\"type\":\"candidate\"}"),
      Call.write("POST", "/task/TASK/claim", "{\"userId\":\"lb.unicef\"}"),
      Call.write("POST", "/task/TASK/complete", "{}"),
      Call.write("PUT", "/process-instance/INSTANCE/comment",
          "{\"id\":\"COMMENT\",\"message\":\"changed\"}"),
      Call.write("DELETE", "/process-instance/INSTANCE/comment/COMMENT", null),
      Call.write("DELETE", "/process-instance/INSTANCE/comment", null),
      Call.write("POST", "/process-instance/INSTANCE/variables",
          "{\"modifications\":{\"country\":{\"value\":\"LB\"}}}"),
      Call.write("DELETE", "/history/process-instance/INSTANCE", null),
      Call.write("POST", "/job/JOB/execute", null),
      Call.write("PUT", "/job/JOB/retries", "{\"retries\":0}"),
      Call.write("PUT", "/job/JOB/suspended", "{\"suspended\":true}"),
      Call.write("DELETE", "/job/JOB", null),
      Call.write("PUT", "/incident/INCIDENT/annotation", "{\"annotation\":\"x\"}"),
      Call.write("DELETE", "/incident/INCIDENT", null),
      Call.write("PUT", "/history/user-operation/OPERATION/set-annotation",
          "{\"annotation\":\"x\"}"),
      Call.write("PUT", "/history/user-operation/OPERATION/clear-annotation", null));

  static Stream<Channel> outsiders() {
    return Stream.of("lb.unicef", "partner.lb").flatMap(user -> Stream.of(
        new Channel("REST API", user, "/engine-rest"),
        new Channel("REST API, named engine", user, "/engine-rest/engine/default"),
        new Channel("webapp session", user, "/camunda/api/engine/engine/default")));
  }

  @BeforeEach
  void appealsOfTwoCountries() throws Exception {
    http = new Http(port);
    if (colombia == null) {
      startedBy = engine;
      colombia = appealWithCommentAndAttachment("CO", "co.unicef");
      lebanon = appealWithCommentAndAttachment("LB", "lb.unicef");
    }
  }

  @AfterAll
  static void endAppeals() {
    for (Map<String, String> appeal : List.of(colombia, lebanon)) {
      if (appeal != null) {
        startedBy.getRuntimeService().deleteProcessInstance(appeal.get("INSTANCE"), "test done");
      }
    }
    colombia = null;
    lebanon = null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsiders")
  void readingAnotherCountrysIdAnswersAsAnUnknownId(Channel channel) {
    assertEachAnswersAsUnknown(channel, READS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsiders")
  void writingAnotherCountrysIdAnswersAsAnUnknownIdAndChangesNothing(Channel channel)
      throws Exception {
    assertEachAnswersAsUnknown(channel, WRITES);

    var comment = http.get(rest("/task/TASK/comment/COMMENT", colombia), "co.unicef");
    assertThat(comment.statusCode()).isEqualTo(200);
    assertThat(json.readTree(comment.body()).get("message").asText()).isEqualTo(SECRET_COMMENT);
    assertThat(json.readTree(http.get(rest("/task/TASK/comment", colombia), "co.unicef").body()))
        .hasSize(1);
    assertThat(http.get(rest("/task/TASK/attachment/ATTACHMENT/data", colombia), "co.unicef")
        .body()).isEqualTo(SECRET_FILE);
    assertThat(json.readTree(http.get(rest("/task/TASK/attachment", colombia), "co.unicef")
        .body())).hasSize(1);
    var task = json.readTree(http.get(rest("/task/TASK", colombia), "co.unicef").body());
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(http.get(rest("/task/TASK/identity-links", colombia), "co.unicef").body())
        .doesNotContain("coleads-LB");
    assertThat(http.get(rest("/process-instance/INSTANCE/variables/country", colombia),
        "co.unicef").body()).contains("\"CO\"");
    var job = engine.getManagementService().createJobQuery().jobId(colombia.get("JOB"))
        .singleResult();
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.isSuspended()).isFalse();
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .incidentId(colombia.get("INCIDENT")).singleResult().getAnnotation()).isNull();
  }

  @Test
  void colombiasCoLeadReadsItsOwnCommentAndAttachment() throws Exception {
    for (String prefix : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      var comment = send(new Channel("", "co.unicef", prefix), "GET",
          "/task/TASK/comment/COMMENT", null, colombia);
      assertThat(comment.statusCode()).as(prefix).isEqualTo(200);
      assertThat(json.readTree(comment.body()).get("message").asText()).isEqualTo(SECRET_COMMENT);
      var attachment = send(new Channel("", "co.unicef", prefix), "GET",
          "/task/TASK/attachment/ATTACHMENT", null, colombia);
      assertThat(attachment.statusCode()).as(prefix).isEqualTo(200);
      assertThat(json.readTree(attachment.body()).get("name").asText()).isEqualTo("sites.txt");
      var data = send(new Channel("", "co.unicef", prefix), "GET",
          "/task/TASK/attachment/ATTACHMENT/data", null, colombia);
      assertThat(data.statusCode()).as(prefix).isEqualTo(200);
      assertThat(data.body()).isEqualTo(SECRET_FILE);
      var instanceComments = send(new Channel("", "co.unicef", prefix), "GET",
          "/process-instance/INSTANCE/comment", null, colombia);
      assertThat(instanceComments.body()).contains(SECRET_COMMENT);
    }
  }

  @Test
  void lebanonsCoLeadStillWorksOnTheirOwnTask() throws Exception {
    var comment = http.post(rest("/task/TASK/comment/create", lebanon), "lb.unicef",
        "{\"message\":\"Lebanon's own note\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
    var attachment = send(new Channel("", "lb.unicef", "/engine-rest"), "POST",
        "/task/TASK/attachment/create", "MULTIPART", lebanon);
    assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(200);
    String attachmentId = json.readTree(attachment.body()).get("id").asText();
    var deleted = http.send(http.request(rest("/task/TASK/attachment/", lebanon) + attachmentId,
        "lb.unicef").DELETE());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    var viaTasklist = session("lb.unicef").post(
        "/camunda/api/engine/engine/default" + fill("/task/TASK/comment/create", lebanon),
        "{\"message\":\"Written in Tasklist\"}");
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(200);
    assertThat(http.get(rest("/task/TASK/comment", lebanon), "lb.unicef").body())
        .contains("Lebanon's own note", "Written in Tasklist");
  }

  @Test
  void aCommentIsNotFiledUnderAnotherCountrysProcessInstance() throws Exception {
    String path = rest("/task/TASK/comment/create", lebanon);
    var intoColombia = http.post(path, "lb.unicef", "{\"message\":\"planted\",\"processInstanceId\":\""
        + colombia.get("INSTANCE") + "\"}");
    var intoNowhere = http.post(path, "lb.unicef", "{\"message\":\"planted\",\"processInstanceId\":\""
        + UUID.randomUUID() + "\"}");
    assertThat(intoColombia.statusCode()).isEqualTo(400);
    assertThat(intoColombia.body()).isEqualTo(intoNowhere.body());
    assertThat(http.get(rest("/process-instance/INSTANCE/comment", colombia), "co.unicef").body())
        .doesNotContain("planted");
    assertThat(http.get(rest("/task/TASK/comment", lebanon), "lb.unicef").body())
        .doesNotContain("planted");
  }

  @Test
  void seeingATaskIsNotEnoughToWriteItsCommentsAndAttachments() throws Exception {
    // The Secretariat follows every country's appeals (their history), but works on none of
    // Colombia's co-lead tasks.
    var read = http.get(rest("/task/TASK/comment/COMMENT", colombia), "secretariat");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

    var comment = http.post(rest("/task/TASK/comment/create", colombia), "secretariat",
        "{\"message\":\"from the Secretariat\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(403);
    var attachment = send(new Channel("", "secretariat", "/engine-rest"), "POST",
        "/task/TASK/attachment/create", "MULTIPART", colombia);
    assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(403);
    var delete = send(new Channel("", "secretariat", "/camunda/api/engine/engine/default"),
        "DELETE", "/task/TASK/attachment/ATTACHMENT", null, colombia);
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);

    assertThat(json.readTree(http.get(rest("/task/TASK/comment", colombia), "co.unicef").body()))
        .hasSize(1);
    assertThat(http.get(rest("/task/TASK/attachment/ATTACHMENT/data", colombia), "co.unicef")
        .body()).isEqualTo(SECRET_FILE);
  }

  // --- helpers --------------------------------------------------------------------------------

  private void assertEachAnswersAsUnknown(Channel channel, List<Call> calls) {
    Map<String, String> unknown = new LinkedHashMap<>();
    colombia.keySet().forEach(key -> unknown.put(key, UUID.randomUUID().toString()));
    var softly = new SoftAssertions();
    var roles = EngineRoutes.Role.of(engine.getIdentityService().createGroupQuery()
        .groupMember(channel.user()).list().stream().map(Group::getId).toList());
    for (Call call : calls) {
      var foreign = send(channel, call.method(), call.path(), call.body(), colombia);
      var none = send(channel, call.method(), call.path(), call.body(), unknown);
      String what = call.method() + " " + call.path();
      // A route off the role's allow-list answers 403 whichever id it names.
      int expected = EngineRoutes.allows(roles, call.method(),
          call.path().replaceAll("\\?.*", "").replaceAll("[A-Z_]{3,}", "some-id"))
          ? call.expectedStatus() : 403;
      softly.assertThat(foreign.statusCode()).as(what + ": " + foreign.body())
          .isEqualTo(expected);
      softly.assertThat(none.statusCode()).as(what + " (unknown id): " + none.body())
          .isEqualTo(expected);
      softly.assertThat(withPlaceholders(foreign.body(), colombia)).as(what)
          .isEqualTo(withPlaceholders(none.body(), unknown));
      softly.assertThat(foreign.headers().firstValue("Content-Type")).as(what)
          .isEqualTo(none.headers().firstValue("Content-Type"));
      softly.assertThat(foreign.body()).as(what)
          .doesNotContain("Colombia", "tenant", "sites.txt", "coleads-CO");
    }
    softly.assertAll();
  }

  private Map<String, String> appealWithCommentAndAttachment(String country, String coLead)
      throws Exception {
    String onset = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    var started = http.post("/api/appeals", coLead, "{\"country\":\"" + country + "\","
        + "\"emergencyType\":\"Floods\",\"onset\":\"" + onset + "\",\"affectedAreas\":[\"North\"],"
        + "\"appealType\":\"FLASH_APPEAL\",\"situationSummary\":\"Floods; schools closed.\","
        + "\"peopleAffected\":12000,\"schoolsAffected\":40,\"language\":\"en\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    Map<String, String> ids = new LinkedHashMap<>();
    String instance = json.readTree(started.body()).get("id").asText();
    ids.put("INSTANCE", instance);
    JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceId=" + instance,
        coLead).body());
    ids.put("TASK", tasks.get(0).get("id").asText());
    var comment = http.post(rest("/task/TASK/comment/create", ids), coLead,
        "{\"message\":\"" + SECRET_COMMENT + "\",\"processInstanceId\":\"" + instance + "\"}");
    assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
    ids.put("COMMENT", json.readTree(comment.body()).get("id").asText());
    var attachment = http.send(http.request(rest("/task/TASK/attachment/create", ids), coLead)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("sites.txt", SECRET_FILE))));
    assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(200);
    ids.put("ATTACHMENT", json.readTree(attachment.body()).get("id").asText());

    // A job and an incident of the country's own: the document's save point, reached early.
    engine.getRuntimeService().createProcessInstanceModification(instance)
        .startBeforeActivity("Task_GenerateAppealDocument").execute();
    var job = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId("Task_GenerateAppealDocument").singleResult();
    ids.put("JOB", job.getId());
    ids.put("INCIDENT", engine.getRuntimeService()
        .createIncident("documentCheck", job.getExecutionId(), "sealed").getId());

    var history = engine.getHistoryService();
    ids.put("JOB_LOG", history.createHistoricJobLogQuery().jobId(job.getId()).list().get(0)
        .getId());
    ids.put("HISTORIC_VARIABLE", history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("country").singleResult().getId());
    ids.put("HISTORIC_DETAIL", history.createHistoricDetailQuery().processInstanceId(instance)
        .list().get(0).getId());
    ids.put("HISTORIC_ACTIVITY", history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance).list().get(0).getId());
    ids.put("OPERATION", history.createUserOperationLogQuery().processInstanceId(instance)
        .list().get(0).getOperationId());
    return ids;
  }

  private HttpResponse<String> send(Channel channel, String method, String path, String body,
      Map<String, String> ids) {
    byte[] bytes = body == null ? null
        : "MULTIPART".equals(body) ? multipart("intruder.txt", "planted")
        : fill(body, ids).getBytes(StandardCharsets.UTF_8);
    String type = body == null ? null
        : "MULTIPART".equals(body) ? "multipart/form-data; boundary=" + BOUNDARY
        : "application/json";
    String target = channel.prefix() + fill(path, ids);
    if (channel.prefix().startsWith("/camunda/")) {
      return session(channel.user()).send(method, target, type, bytes);
    }
    var request = http.request(target, channel.user()).method(method, bytes == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request);
  }

  private WebappSession session(String user) {
    return SESSIONS.computeIfAbsent(user, name -> WebappSession.login(http, name, "demo"));
  }

  private static String rest(String path, Map<String, String> ids) {
    return "/engine-rest" + fill(path, ids);
  }

  private static String fill(String template, Map<String, String> ids) {
    String filled = template;
    for (var id : ids.entrySet()) {
      filled = filled.replace(id.getKey(), id.getValue());
    }
    return filled;
  }

  /** The body with each id replaced by its name, so that answers naming the id compare. */
  private static String withPlaceholders(String body, Map<String, String> ids) {
    String normal = body;
    for (var id : ids.entrySet()) {
      normal = normal.replace(id.getValue(), "<" + id.getKey() + ">");
    }
    return normal;
  }

  private static byte[] multipart(String file, String content) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n"
        + file + "\r\n--" + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\ntext/plain\r\n--"
        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + file
        + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
