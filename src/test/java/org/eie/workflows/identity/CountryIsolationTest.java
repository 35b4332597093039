package org.eie.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.Http;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.documents.DocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A co-lead of one country sees nothing of another country: no task, process instance, variable,
 * history or document. Uses a test-only process (bpmn/probe/isolationProbe.bpmn) with the same
 * grants a country-level process gets.
 */
class CountryIsolationTest extends PostgresApplicationTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  DocumentStore documents;

  Http http;
  ProcessInstance colombia;
  ProcessInstance lebanon;

  @BeforeEach
  void twoCountriesAtWork() {
    http = new Http(port);
    for (String group : List.of(Groups.coLeadsOf("LB"), Groups.coLeadsOf("CO"),
        Groups.SECRETARIAT)) {
      if (authorizations.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.PROCESS_DEFINITION).resourceId("isolationProbe").count() == 0) {
        var grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("isolationProbe");
        for (Permission permission : List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY)) {
          grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
      }
    }
    colombia = runtime.startProcessInstanceByKey("isolationProbe", "probe-CO",
        Map.of("country", "CO", "secret", "Colombia's figures"));
    lebanon = runtime.startProcessInstanceByKey("isolationProbe", "probe-LB",
        Map.of("country", "LB", "secret", "Lebanon's figures"));
  }

  @AfterEach
  void cleanUp() {
    runtime.deleteProcessInstance(colombia.getId(), "test done");
    runtime.deleteProcessInstance(lebanon.getId(), "test done");
  }

  @Test
  void instancesLandInTheirCountrysTenant() {
    assertThat(colombia.getTenantId()).isEqualTo("CO");
    assertThat(lebanon.getTenantId()).isEqualTo("LB");
  }

  @Test
  void lebanonCoLeadSeesNoColombianTask() {
    String lbTasks = http.get("/engine-rest/task?processDefinitionKey=isolationProbe", "lb.unicef")
        .body();
    assertThat(lbTasks).contains(lebanon.getId()).doesNotContain(colombia.getId());
    String coTasks = http.get("/engine-rest/task?processDefinitionKey=isolationProbe", "co.unicef")
        .body();
    assertThat(coTasks).contains(colombia.getId()).doesNotContain(lebanon.getId());
    assertThat(http.get("/engine-rest/task/count?processInstanceId=" + colombia.getId(),
        "lb.savethechildren").body()).contains("\"count\":0");
  }

  @Test
  void lebanonCoLeadSeesNoColombianInstanceVariableOrHistory() {
    assertThat(http.get("/engine-rest/process-instance?processDefinitionKey=isolationProbe",
        "lb.unicef").body()).contains(lebanon.getId()).doesNotContain(colombia.getId());
    // Another country's instance answers as an unknown one (security/TenantSeal).
    var direct = http.get("/engine-rest/process-instance/" + colombia.getId(), "lb.unicef");
    assertThat(direct.statusCode()).isEqualTo(404);
    assertThat(direct.body()).doesNotContain("isolationProbe");
    assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + colombia.getId(),
        "lb.unicef").body()).isEqualTo("[]");
    var variables = http.get("/engine-rest/process-instance/" + colombia.getId() + "/variables",
        "lb.unicef");
    assertThat(variables.statusCode()).isNotEqualTo(200);
    assertThat(variables.body()).doesNotContain("Colombia's figures");
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId="
        + colombia.getId(), "lb.unicef").body()).isEqualTo("[]");
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId="
        + colombia.getId(), "lb.unicef").body()).isEqualTo("[]");
    // ...while Colombia's own co-lead reads them.
    assertThat(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + colombia.getId(),
        "co.unicef").body()).contains("Colombia's figures");
  }

  @Test
  void secretariatMonitorsEveryCountry() {
    String all = http.get("/engine-rest/process-instance?processDefinitionKey=isolationProbe",
        "secretariat").body();
    assertThat(all).contains(colombia.getId(), lebanon.getId());
  }

  @Test
  void lebanonCoLeadCannotStartAnInstanceForColombia() {
    long before = appeals();
    // Through the appeal's start form, the one way a co-lead starts a process in the engine API.
    var response = http.post(START_FORM, "lb.unicef",
        "{\"variables\":{\"country\":{\"value\":\"CO\",\"type\":\"String\"}}}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("country");
    assertThat(appeals()).isEqualTo(before);
    // Starting anywhere but at the start form is not open to co-leads at all.
    var raw = http.post("/engine-rest/process-definition/key/isolationProbe/start",
        "lb.unicef", "{\"variables\":{\"country\":{\"value\":\"LB\",\"type\":\"String\"}}}");
    assertThat(raw.statusCode()).isEqualTo(403);
  }

  @Test
  void unknownCountryIsRefusedByNameAndNothingStarts() {
    long before = appeals();
    var response = http.post(START_FORM, "lb.unicef",
        "{\"variables\":{\"country\":{\"value\":\"XX\",\"type\":\"String\"}}}");
    // The start form, like our own API, answers 400 naming the field.
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Country: 'XX' is not a country cluster");
    assertThat(appeals()).isEqualTo(before);
  }

  private static final String START_FORM =
      "/engine-rest/process-definition/key/emergencyFundingAppeal/submit-form";

  private long appeals() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("emergencyFundingAppeal")
        .count();
  }

  @Test
  void documentOfColombiaIsInvisibleToLebanon() {
    documents.store(colombia.getId(), "probe", "CO", "en", "probe.pdf", new byte[] {1, 2, 3});
    identity.setAuthentication("lb.unicef", List.of(Groups.coLeadsOf("LB")), List.of("LB"));
    try {
      assertThat(documents.latestVisible(colombia.getId(), "probe")).isEmpty();
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("co.unicef", List.of(Groups.coLeadsOf("CO")), List.of("CO"));
    try {
      var document = documents.latestVisible(colombia.getId(), "probe").orElseThrow();
      assertThat(document.version()).isEqualTo(1);
      assertThat(document.sha256())
          .isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    } finally {
      identity.clearAuthentication();
    }
  }
}
