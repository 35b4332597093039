package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The donor registry through the REST API, as the Secretariat, a co-lead and a partner. */
class DonorRegistryApiTest extends DonorsTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void secretariatRegistersADonorAndACoLeadChangesItsSubscriptions() throws Exception {
    String email = "Funds-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    var created = http.post("/api/donors", "secretariat", """
        {"organisation": "Education Cannot Wait", "contactName": "Ana Pérez", "email": "%s",
         "language": "fr", "countries": ["LB", "CO"], "appealTypes": ["FLASH_APPEAL"]}
        """.formatted(email));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode donor = JSON.readTree(created.body());
    assertThat(donor.get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(donor.get("countries").toString()).isEqualTo("[\"CO\",\"LB\"]");
    assertThat(donor.get("active").asBoolean()).isTrue();
    String id = donor.get("id").asText();

    var updated = http.put("/api/donors/" + id, "lb.unicef", """
        {"organisation": "Education Cannot Wait", "contactName": "Ana Pérez", "email": "%s",
         "language": "en", "countries": ["LB"], "appealTypes": []}
        """.formatted(email));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).get("countries").toString()).isEqualTo("[\"LB\"]");
    assertThat(registry.subscribedTo("CO", "FLASH_APPEAL")).extracting(Donor::id)
        .doesNotContain(id);
    assertThat(registry.subscribedTo("LB", "HRP_REVISION")).extracting(Donor::id).contains(id);

    assertThat(http.get("/api/donors", "gec.unicef").body()).contains(id);
    var unsubscribed = http.send(http.request("/api/donors/" + id, "secretariat").DELETE());
    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    assertThat(registry.subscribedTo("LB", "HRP_REVISION")).extracting(Donor::id)
        .doesNotContain(id);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
    int before = donorCount();
    assertRefused("""
        {"organisation": "X", "contactName": "Y", "email": "not-an-address", "countries": ["LB"]}
        """, "email");
    assertRefused("""
        {"organisation": "X", "contactName": "Y", "email": "x@example.org", "countries": ["XX"]}
        """, "countries");
    assertRefused("""
        {"organisation": "X", "contactName": "Y", "email": "x@example.org",
         "appealTypes": ["BIG_APPEAL"]}
        """, "appealTypes");
    assertRefused("""
        {"organisation": " ", "contactName": "Y", "email": "x@example.org", "language": "xx"}
        """, "organisation");
    var several = http.post("/api/donors", "secretariat", """
        {"contactName": "Y", "email": "a@b", "language": "xx", "countries": ["FR"]}
        """);
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(fields(several.body())).contains("organisation", "email", "language", "countries");
    assertThat(donorCount()).isEqualTo(before);
  }

  @Test
  void aSecondDonorWithTheSameAddressIsRefused() throws Exception {
    Donor existing = donor("First", "en", java.util.List.of("LB"), java.util.List.of());
    int before = donorCount();
    var response = http.post("/api/donors", "secretariat", """
        {"organisation": "Second", "contactName": "Y", "email": "%s"}
        """.formatted(existing.email().toUpperCase()));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fields(response.body())).containsExactly("email");
    assertThat(donorCount()).isEqualTo(before);
  }

  @Test
  void partnersAndOtherRolesMayNotSeeOrChangeDonors() {
    int before = donorCount();
    for (String user : new String[] {"partner.lb", "steering", "facilitator.fr"}) {
      assertThat(http.get("/api/donors", user).statusCode()).as(user).isEqualTo(403);
      assertThat(http.post("/api/donors", user, """
          {"organisation": "X", "contactName": "Y", "email": "z@example.org"}
          """).statusCode()).as(user).isEqualTo(403);
      assertThat(http.get("/api/donor-deliveries?appealId=any", user).statusCode()).as(user)
          .isEqualTo(403);
    }
    assertThat(http.get("/api/donors", null).statusCode()).isEqualTo(401);
    assertThat(donorCount()).isEqualTo(before);
  }

  private void assertRefused(String body, String field) throws Exception {
    var response = http.post("/api/donors", "secretariat", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(fields(response.body())).as(response.body()).contains(field);
  }

  private static java.util.List<String> fields(String body) throws Exception {
    var fields = new java.util.ArrayList<String>();
    JSON.readTree(body).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private int donorCount() {
    return jdbc.sql("select count(*) from eie_donor").query(Integer.class).single();
  }
}
