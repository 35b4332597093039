package org.eie.workflows.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner registry API: who may list, register and attach users (a country's co-leads their
 * country, the Secretariat, the global co-leads and administrators every country), whom an
 * organisation may take (a new user or a partner of its country alone: a membership never gives
 * anyone another country or role), what a refusal looks like, and that each organisation is a
 * Camunda group whose members are also the country's partners.
 */
class PartnerRegistryTest extends PostgresApplicationTest {

  static final String PATH = "/api/partner-organisations";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void demoOrganisationsAreRegisteredWithTheirUsers() throws IOException {
    JsonNode lebanon = list("lb.unicef");
    assertThat(lebanon.findValuesAsText("id")).contains("partner-LB-lea", "partner-LB-nrc")
        .noneMatch(id -> id.startsWith("partner-CO-"));
    JsonNode lea = byId(lebanon, "partner-LB-lea");
    assertThat(lea.get("name").asText()).isEqualTo("Lebanese Education Association");
    assertThat(lea.get("acronym").asText()).isEqualTo("LEA");
    assertThat(lea.get("type").asText()).isEqualTo("NATIONAL_NGO");
    assertThat(lea.get("typeName").asText()).isEqualTo("National NGO");
    assertThat(lea.get("members").findValuesAsText("userId")).containsExactly("partner.lb");
    assertThat(byId(lebanon, "partner-LB-nrc").get("members").findValuesAsText("userId"))
        .containsExactly("partner2.lb");

    assertThat(list("co.savethechildren").findValuesAsText("id")).contains("partner-CO-cesf")
        .noneMatch(id -> id.startsWith("partner-LB-"));
    for (String everywhere : List.of("secretariat", "gec.unicef")) {
      assertThat(list(everywhere).findValuesAsText("id"))
          .contains("partner-LB-lea", "partner-LB-nrc", "partner-CO-cesf");
    }
    Group group = engine.getIdentityService().createGroupQuery().groupId("partner-LB-lea")
        .singleResult();
    assertThat(group.getType()).isEqualTo(PartnerOrganisation.GROUP_TYPE);
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("partners-LB")
        .userId("partner2.lb").count()).isEqualTo(1);
  }

  @Test
  void onlyCoLeadsSecretariatAndGlobalCoLeadsSeeTheRegistry() {
    for (String user : List.of("partner.lb", "partner2.lb", "steering", "facilitator.fr",
        "standards")) {
      assertThat(http.get(PATH, user).statusCode()).as(user).isEqualTo(403);
      assertThat(http.post(PATH, user, body("LB", "Some NGO", "SNG" + suffix(), "NATIONAL_NGO"))
          .statusCode()).as(user).isEqualTo(403);
    }
    assertThat(http.get(PATH, null).statusCode()).isEqualTo(401);
  }

  @Test
  void coLeadsRegisterOrganisationsOfTheirCountryOnly() throws IOException {
    String acronym = "TDH" + suffix();
    String name = "Terre des hommes " + acronym;
    var refused = http.post(PATH, "co.unicef", body("LB", name, acronym, "INTERNATIONAL_NGO"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(countNamed(name)).isZero();

    var created = http.post(PATH, "lb.savethechildren",
        body("LB", name, acronym, "INTERNATIONAL_NGO"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode organisation = json.readTree(created.body());
    String id = "partner-LB-" + acronym.toLowerCase();
    assertThat(organisation.get("id").asText()).isEqualTo(id);
    assertThat(organisation.get("group").asText()).isEqualTo(id);
    assertThat(organisation.get("registeredBy").asText()).isEqualTo("lb.savethechildren");
    assertThat(organisation.get("registeredAt").asText()).isNotBlank();
    assertThat(organisation.get("typeName").asText()).isEqualTo("International NGO");
    assertThat(jdbc.sql("select registered_by from eie_partner_organisation where id = ?")
        .param(id).query(String.class).single()).isEqualTo("lb.savethechildren");
    Group group = engine.getIdentityService().createGroupQuery().groupId(id).singleResult();
    assertThat(group.getType()).isEqualTo("PARTNER_ORGANISATION");
    assertThat(group.getName()).contains(name);

    // The same acronym again in the country: 400 naming it, nothing written.
    var duplicate = http.post(PATH, "secretariat", body("LB", name + " bis", acronym, "UN_AGENCY"));
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(fields(duplicate.body())).containsExactly("acronym");
    assertThat(countNamed(name + " bis")).isZero();
    // Another country's co-lead does not see it; the global co-leads do.
    assertThat(list("co.unicef").findValuesAsText("id")).doesNotContain(id);
    assertThat(list("gec.savethechildren").findValuesAsText("id")).contains(id);
    assertThat(http.get(PATH + "/" + id, "co.unicef").statusCode()).isEqualTo(404);
    assertThat(http.get(PATH + "/" + id, "lb.unicef").statusCode()).isEqualTo(200);
  }

  @Test
  void badInputGets400NamingTheFieldAndWritesNothing() throws IOException {
    long before = jdbc.sql("select count(*) from eie_partner_organisation").query(Long.class)
        .single();
    var unknownCountry = http.post(PATH, "secretariat",
        body("ZZ", "Nowhere NGO", "NWH", "NATIONAL_NGO"));
    assertThat(unknownCountry.statusCode()).isEqualTo(400);
    assertThat(fields(unknownCountry.body())).containsExactly("country");

    var badType = http.post(PATH, "lb.unicef", body("LB", "Some NGO", "SNG", "CHARITY"));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(fields(badType.body())).containsExactly("type");
    assertThat(json.readTree(badType.body()).get("errors").get(0).get("message").asText())
        .contains("NATIONAL_NGO");

    var missing = http.post(PATH, "lb.unicef", "{\"country\": \"LB\", \"type\": \"GOVERNMENT\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(fields(missing.body())).containsExactly("name", "acronym");

    var noLetters = http.post(PATH, "lb.unicef", body("LB", "Dashes", "--", "GOVERNMENT"));
    assertThat(fields(noLetters.body())).containsExactly("acronym");
    var notJson = http.post(PATH, "lb.unicef", "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);

    assertThat(jdbc.sql("select count(*) from eie_partner_organisation").query(Long.class)
        .single()).isEqualTo(before);
  }

  @Test
  void coLeadsAttachExistingUsersToTheirCountrysOrganisations() throws IOException {
    String userId = newUser();
    var identity = engine.getIdentityService();
    String members = PATH + "/partner-LB-nrc/members/" + userId;

    // Another country's organisation is answered exactly as an unknown one.
    var otherCountry = http.put(members, "co.unicef", "");
    var unknown = http.put(PATH + "/partner-LB-nosuch/members/" + userId, "co.unicef", "");
    assertThat(otherCountry.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(otherCountry.body()).get("detail").asText())
        .isEqualTo(json.readTree(unknown.body()).get("detail").asText()
            .replace("partner-LB-nosuch", "partner-LB-nrc"));
    assertThat(http.put(members, "partner2.lb", "").statusCode()).isEqualTo(403);
    assertThat(http.put(PATH + "/partner-LB-nrc/members/no.such.user", "lb.unicef", "")
        .statusCode()).isEqualTo(404);
    assertThat(identity.createGroupQuery().groupMember(userId).count()).isZero();

    var attached = http.put(members, "lb.unicef", "");
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
    JsonNode member = null;
    for (JsonNode m : json.readTree(attached.body()).get("members")) {
      if (m.get("userId").asText().equals(userId)) {
        member = m;
      }
    }
    assertThat(member).isNotNull();
    assertThat(member.get("addedBy").asText()).isEqualTo("lb.unicef");
    assertThat(member.get("addedAt").asText()).isNotBlank();
    assertThat(identity.createGroupQuery().groupMember(userId).list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("partner-LB-nrc", "partners-LB");
    // Idempotent; and the new member now has the country's tenant (reads the partner tasks).
    assertThat(http.put(members, "secretariat", "").statusCode()).isEqualTo(200);
    assertThat(identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list()).extracting(t -> t.getId()).containsExactly("LB");
  }

  @Test
  void aMembershipNeverGivesAUserAnotherCountryOrRole() throws IOException {
    String lebanonAppeal = lebanonAppeal();
    String members = PATH + "/partner-LB-lea/members/";
    // A co-lead of another country (finding: co.unicef then read Lebanon's appeals), of the
    // same country, an administrator, the global roles, a working group, a Language Community
    // and a partner of another country: none becomes a partner of Lebanon, whoever asks.
    List<List<String>> refusals = List.of(List.of("lb.unicef", "co.unicef"),
        List.of("lb.unicef", "lb.savethechildren"), List.of("lb.unicef", "admin"),
        List.of("lb.unicef", "gec.unicef"), List.of("lb.unicef", "secretariat"),
        List.of("lb.unicef", "steering"), List.of("lb.unicef", "facilitator.fr"),
        List.of("lb.unicef", "partner.co"), List.of("secretariat", "co.unicef"),
        List.of("admin", "co.unicef"));
    var identity = engine.getIdentityService();
    for (List<String> refusal : refusals) {
      String caller = refusal.get(0);
      String userId = refusal.get(1);
      List<String> groupsBefore = groupsOf(userId);
      var response = http.put(members + userId, caller, "");
      String what = caller + " adds " + userId;
      assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(409);
      assertThat(response.headers().firstValue("Content-Type")).as(what)
          .hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).get("detail").asText()).as(what)
          .contains(userId, "partners of its country alone");
      assertThat(groupsOf(userId)).as(what).isEqualTo(groupsBefore);
      assertThat(jdbc.sql("select count(*) from eie_partner_member where user_id = ?"
          + " and organisation_id = 'partner-LB-lea'").param(userId).query(Long.class).single())
          .as(what).isZero();
    }
    assertThat(identity.createTenantQuery().userMember("co.unicef").includingGroupsOfUser(true)
        .list()).extracting(t -> t.getId()).containsExactly("CO");
    assertThat(http.get("/engine-rest/process-instance/" + lebanonAppeal, "co.unicef")
        .statusCode()).isEqualTo(404);
    assertThat(json.readTree(http.get("/engine-rest/history/process-instance?processInstanceId="
        + lebanonAppeal, "co.unicef").body())).isEmpty();
    assertThat(json.readTree(http.get("/engine-rest/task?processInstanceId=" + lebanonAppeal,
        "co.unicef").body())).isEmpty();
    // The same calls made by Lebanon's co-lead do see it: the appeal is there to be leaked.
    assertThat(json.readTree(http.get("/engine-rest/history/process-instance?processInstanceId="
        + lebanonAppeal, "lb.unicef").body())).hasSize(1);
  }

  @Test
  void newUsersAndPartnersOfTheCountryAloneJoinItsOrganisations() throws IOException {
    String userId = newUser();
    var lea = http.put(PATH + "/partner-LB-lea/members/" + userId, "lb.unicef", "");
    assertThat(lea.statusCode()).as(lea.body()).isEqualTo(200);
    // Now a partner of Lebanon alone: a second organisation of Lebanon takes them too.
    var nrc = http.put(PATH + "/partner-LB-nrc/members/" + userId, "lb.savethechildren", "");
    assertThat(nrc.statusCode()).as(nrc.body()).isEqualTo(200);
    assertThat(groupsOf(userId))
        .containsExactlyInAnyOrder("partner-LB-lea", "partner-LB-nrc", "partners-LB");
    // ...but no organisation of Colombia, not even asked for by those who manage every country.
    for (String caller : List.of("secretariat", "gec.unicef", "admin")) {
      var colombia = http.put(PATH + "/partner-CO-cesf/members/" + userId, caller, "");
      assertThat(colombia.statusCode()).as(caller + ": " + colombia.body()).isEqualTo(409);
    }
    assertThat(groupsOf(userId))
        .containsExactlyInAnyOrder("partner-LB-lea", "partner-LB-nrc", "partners-LB");
    assertThat(engine.getIdentityService().createTenantQuery().userMember(userId)
        .includingGroupsOfUser(true).list()).extracting(t -> t.getId()).containsExactly("LB");
  }

  @Test
  void administratorsManagePartnerOrganisationsOfEveryCountry() throws IOException {
    assertThat(list("admin").findValuesAsText("id"))
        .contains("partner-LB-lea", "partner-LB-nrc", "partner-CO-cesf");
    String acronym = "ADM" + suffix();
    var created = http.post(PATH, "admin",
        body("CO", "Fundación " + acronym, acronym, "NATIONAL_NGO"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();
    String userId = newUser();
    var attached = http.put(PATH + "/" + id + "/members/" + userId, "admin", "");
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
    assertThat(groupsOf(userId)).containsExactlyInAnyOrder(id, "partners-CO");
  }

  /** A Lebanese appeal just started by its co-lead; returns its process instance id. */
  private String lebanonAppeal() throws IOException {
    String onset = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)
        .truncatedTo(ChronoUnit.SECONDS).toString();
    var started = http.post("/api/appeals", "lb.unicef", """
        {"country": "LB", "emergencyType": "Floods", "onset": "%s", "affectedAreas": ["North"],
         "appealType": "FLASH_APPEAL", "situationSummary": "Floods; schools closed.",
         "peopleAffected": 12000, "schoolsAffected": 40, "language": "en"}""".formatted(onset));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return json.readTree(started.body()).get("id").asText();
  }

  /** A user created in Admin and in no group yet, as a new partner user is. */
  private String newUser() {
    String userId = "member." + suffix().toLowerCase();
    var identity = engine.getIdentityService();
    var user = identity.newUser(userId);
    user.setFirstName("New");
    user.setLastName("Member (test)");
    user.setPassword("demo");
    identity.saveUser(user);
    return userId;
  }

  private List<String> groupsOf(String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).orderByGroupId()
        .asc().list().stream().map(Group::getId).toList();
  }

  private JsonNode list(String user) throws IOException {
    var response = http.get(PATH, user);
    assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode byId(JsonNode list, String id) {
    for (JsonNode organisation : list) {
      if (organisation.get("id").asText().equals(id)) {
        return organisation;
      }
    }
    throw new AssertionError("No " + id + " in " + list);
  }

  private List<String> fields(String body) throws IOException {
    return json.readTree(body).get("errors").findValuesAsText("field");
  }

  private long countNamed(String name) {
    return jdbc.sql("select count(*) from eie_partner_organisation where name = ?").param(name)
        .query(Long.class).single();
  }

  private String body(String country, String name, String acronym, String type) {
    var body = json.createObjectNode();
    body.put("country", country);
    body.put("name", name);
    body.put("acronym", acronym);
    body.put("type", type);
    return body.toString();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
  }
}
