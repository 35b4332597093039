package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.eie.workflows.identity.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pledges through the REST API and the coverage they give, checked against figures computed by
 * hand. A test-only process (bpmn/probe/donorsAppealStandIn.bpmn) stands in for a Lebanon appeal
 * with consolidated requirements, read the way AppealRequirements reads the real one.
 */
class PledgeCoverageTest extends DonorsTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TLS = "Temporary learning spaces";
  private static final String MATERIALS = "Teaching and learning materials";
  private static final String PSS = "Psychosocial support";

  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FundingCoverage coverage;
  @Autowired
  AppealRequirements requirements;

  ProcessInstance appeal;
  Donor norway;
  Donor echo;
  Donor foundation;

  @BeforeEach
  void aLebanonAppealWithRequirements() {
    for (String group : List.of(Groups.coLeadsOf("LB"), Groups.coLeadsOf("CO"),
        Groups.SECRETARIAT, Groups.GLOBAL_CO_LEADS)) {
      if (authorizations.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.PROCESS_DEFINITION).resourceId("donorsAppealStandIn")
          .count() == 0) {
        var grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("donorsAppealStandIn");
        grant.addPermission(ProcessDefinitionPermissions.READ);
        grant.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
        grant.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(grant);
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("country", "LB");
    variables.put("consolidation", SpinValues.jsonValue("""
        {"totalUsd": 1000000, "byActivity": [{"key": "%s", "amountUsd": 600000},
          {"key": "%s", "amountUsd": 250000}, {"key": "%s", "amountUsd": 150000}]}"""
        .formatted(TLS, MATERIALS, PSS)).create());
    appeal = runtime.startProcessInstanceByKey("donorsAppealStandIn", "donors-coverage", variables);
    norway = donor("Norway", "en", List.of("LB"), List.of());
    echo = donor("ECHO", "en", List.of("LB"), List.of());
    foundation = donor("Foundation", "en", List.of(), List.of("FLASH_APPEAL"));
  }

  @AfterEach
  void endAppeal() {
    runtime.deleteProcessInstance(appeal.getId(), "test done");
  }

  @Test
  void coverageIsCommittedAndPaidOverRequiredOverallAndByActivity() throws Exception {
    pledge("lb.unicef", norway, TLS, "200000", "COMMITTED");
    pledge("lb.savethechildren", norway, TLS, "50000", "PAID");
    pledge("secretariat", echo, null, "100000", "PAID");
    String pledged = pledge("gec.unicef", echo, PSS, "75000", "PLEDGED");
    pledge("lb.unicef", foundation, MATERIALS, "30000.50", "COMMITTED");

    // By hand: funded = 200,000 + 50,000 + 100,000 + 30,000.50 = 380,000.50 of 1,000,000 = 38.0 %
    JsonNode overall = coverageAs("secretariat");
    assertThat(amount(overall, "requiredUsd")).isEqualByComparingTo("1000000");
    assertThat(amount(overall, "fundedUsd")).isEqualByComparingTo("380000.50");
    assertThat(amount(overall, "committedUsd")).isEqualByComparingTo("230000.50");
    assertThat(amount(overall, "paidUsd")).isEqualByComparingTo("150000");
    assertThat(amount(overall, "pledgedUsd")).isEqualByComparingTo("75000");
    assertThat(amount(overall, "unearmarkedFundedUsd")).isEqualByComparingTo("100000");
    assertThat(amount(overall, "coveragePercent")).isEqualByComparingTo("38.0");
    // Learning spaces 250,000 / 600,000 = 41.7 %; materials 30,000.50 / 250,000 = 12.0 %;
    // psychosocial support 0 / 150,000 = 0.0 % with 75,000 pledged.
    assertActivity(overall, TLS, "600000", "250000", "41.7");
    assertActivity(overall, MATERIALS, "250000", "30000.50", "12.0");
    assertActivity(overall, PSS, "150000", "0", "0.0");

    // The pledge is signed: 455,000.50 = 45.5 %, psychosocial support 75,000 / 150,000 = 50.0 %
    var signed = http.put("/api/pledges/" + pledged, "lb.unicef", """
        {"donorId": "%s", "activity": "%s", "amountUsd": 75000, "date": "%s",
         "status": "COMMITTED"}""".formatted(echo.id(), PSS, LocalDate.now()));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    JsonNode after = coverageAs("lb.unicef");
    assertThat(amount(after, "fundedUsd")).isEqualByComparingTo("455000.50");
    assertThat(amount(after, "coveragePercent")).isEqualByComparingTo("45.5");
    assertThat(amount(after, "pledgedUsd")).isEqualByComparingTo("0");
    assertActivity(after, PSS, "150000", "75000", "50.0");

    // The service the appeal document prints from gives the same figures.
    Coverage forDocument = coverage.coverageOf(appeal.getId());
    assertThat(forDocument.coveragePercent()).isEqualByComparingTo("45.5");
    assertThat(forDocument.byActivity()).extracting(Coverage.ActivityCoverage::activity)
        .containsExactly(TLS, MATERIALS, PSS);
    assertThat(JSON.readTree(http.get("/api/pledges?appealId=" + appeal.getId(), "lb.unicef")
        .body())).hasSize(5);
  }

  @Test
  void badPledgesAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
    int before = pledgeCount();
    String today = LocalDate.now().toString();
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": -5, "date": "%s", "status": "PAID"}
        """.formatted(norway.id(), appeal.getId(), today), "amountUsd");
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": 10.005, "date": "%s", "status": "PAID"}
        """.formatted(norway.id(), appeal.getId(), today), "amountUsd");
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": "lots", "date": "%s", "status": "PAID"}
        """.formatted(norway.id(), appeal.getId(), today), "amountUsd");
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": 10, "date": "%s", "status": "PROMISED"}
        """.formatted(norway.id(), appeal.getId(), today), "status");
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": 10, "date": "%s", "status": "PAID"}
        """.formatted(norway.id(), appeal.getId(), LocalDate.now().plusDays(3)), "date");
    assertRefused("""
        {"donorId": "%s", "appealId": "%s", "amountUsd": 10, "date": "%s", "status": "PAID",
         "activity": "Space programme"}
        """.formatted(norway.id(), appeal.getId(), today), "activity");
    assertRefused("""
        {"donorId": "no-such-donor", "appealId": "%s", "amountUsd": 10, "date": "%s",
         "status": "PAID"}""".formatted(appeal.getId(), today), "donorId");
    assertRefused("""
        {"donorId": "%s", "appealId": "no-such-appeal", "amountUsd": 10, "date": "%s",
         "status": "PAID"}""".formatted(norway.id(), today), "appealId");
    assertThat(pledgeCount()).isEqualTo(before);
  }

  @Test
  void anotherCountrysCoLeadAndPartnersSeeAndRecordNothing() {
    int before = pledgeCount();
    String body = """
        {"donorId": "%s", "appealId": "%s", "amountUsd": 10, "date": "%s", "status": "PAID"}
        """.formatted(norway.id(), appeal.getId(), LocalDate.now());
    var colombia = http.post("/api/pledges", "co.unicef", body);
    assertThat(colombia.statusCode()).isEqualTo(400);
    assertThat(colombia.body()).contains("appealId");
    assertThat(http.get("/api/appeal-coverage/" + appeal.getId(), "co.unicef").statusCode())
        .isEqualTo(404);
    assertThat(http.post("/api/pledges", "partner.lb", body).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/appeal-coverage/" + appeal.getId(), "partner.lb").statusCode())
        .isEqualTo(403);
    assertThat(pledgeCount()).isEqualTo(before);
  }

  @Test
  void withoutConsolidatedRequirementsCoverageHasNoPercentage() throws Exception {
    ProcessInstance early = runtime.startProcessInstanceByKey("donorsAppealStandIn",
        "donors-coverage-early", Map.of("country", "LB"));
    try {
      var response = http.post("/api/pledges", "lb.unicef", """
          {"donorId": "%s", "appealId": "%s", "amountUsd": 5000, "date": "%s",
           "status": "COMMITTED", "activity": "Anything announced"}
          """.formatted(norway.id(), early.getId(), LocalDate.now()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      JsonNode result = JSON.readTree(http.get("/api/appeal-coverage/" + early.getId(),
          "lb.unicef").body());
      assertThat(result.has("requiredUsd")).isFalse(); // null, left out of the JSON
      assertThat(result.has("coveragePercent")).isFalse();
      assertThat(amount(result, "fundedUsd")).isEqualByComparingTo("5000");
    } finally {
      runtime.deleteProcessInstance(early.getId(), "test done");
    }
  }

  @Test
  void requirementsAreReadFromTheAppealsConsolidationWhenNoSeparateVariablesExist() {
    ProcessInstance consolidated = runtime.startProcessInstanceByKey("donorsAppealStandIn",
        "donors-coverage-consolidated", Map.of("country", "LB", "consolidation",
            org.camunda.bpm.engine.variable.Variables.serializedObjectValue("""
                {"acceptedProjects": 2, "totalUsd": 900000.00, "byActivity": [
                  {"key": "%s", "projects": 2, "amountUsd": 700000.00},
                  {"key": "%s", "projects": 1, "amountUsd": 200000.00}]}"""
                .formatted(TLS, PSS))
                .serializationDataFormat("application/json")
                .objectTypeName("org.eie.workflows.appeal.Consolidation").create()));
    try {
      var read = requirements.of(consolidated.getId()).orElseThrow();
      assertThat(read.totalUsd()).isEqualByComparingTo("900000");
      assertThat(read.byActivityUsd()).containsOnlyKeys(TLS, PSS);
      assertThat(read.byActivityUsd().get(TLS)).isEqualByComparingTo("700000");
    } finally {
      runtime.deleteProcessInstance(consolidated.getId(), "test done");
    }
    assertThat(requirements.of(appeal.getId()).orElseThrow().totalUsd())
        .isEqualByComparingTo("1000000");
  }

  private String pledge(String user, Donor donor, String activity, String amount, String status)
      throws Exception {
    String earmark = activity == null ? "" : ", \"activity\": \"" + activity + "\"";
    var response = http.post("/api/pledges", user, """
        {"donorId": "%s", "appealId": "%s", "amountUsd": %s, "date": "%s", "status": "%s"%s}
        """.formatted(donor.id(), appeal.getId(), amount, LocalDate.now(), status, earmark));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asText();
  }

  private JsonNode coverageAs(String user) throws Exception {
    var response = http.get("/api/appeal-coverage/" + appeal.getId(), user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void assertActivity(JsonNode coverage, String activity, String required,
      String funded, String percent) {
    JsonNode row = null;
    for (JsonNode candidate : coverage.get("byActivity")) {
      if (candidate.get("activity").asText().equals(activity)) {
        row = candidate;
      }
    }
    assertThat(row).as(activity).isNotNull();
    assertThat(amount(row, "requiredUsd")).isEqualByComparingTo(required);
    assertThat(amount(row, "fundedUsd")).isEqualByComparingTo(funded);
    assertThat(amount(row, "coveragePercent")).isEqualByComparingTo(percent);
  }

  private static BigDecimal amount(JsonNode node, String field) {
    return new BigDecimal(node.get(field).asText());
  }

  private void assertRefused(String body, String field) throws Exception {
    var response = http.post("/api/pledges", "lb.unicef", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    var fields = new java.util.ArrayList<String>();
    JSON.readTree(response.body()).get("errors")
        .forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).as(response.body()).contains(field);
  }

  private int pledgeCount() {
    return jdbc.sql("select count(*) from eie_pledge").query(Integer.class).single();
  }
}
