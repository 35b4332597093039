package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
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

    // Subscribed beyond Lebanon: the global co-leads narrow it; then it is Lebanon's to manage.
    var narrowed = http.put("/api/donors/" + id, "gec.unicef", """
        {"organisation": "Education Cannot Wait", "contactName": "Ana Pérez", "email": "%s",
         "language": "fr", "countries": ["LB"], "appealTypes": []}
        """.formatted(email));
    assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
    assertThat(JSON.readTree(narrowed.body()).get("countries").toString()).isEqualTo("[\"LB\"]");
    assertThat(registry.subscribedTo("CO", "FLASH_APPEAL")).extracting(Donor::id)
        .doesNotContain(id);
    assertThat(registry.subscribedTo("LB", "HRP_REVISION")).extracting(Donor::id).contains(id);
    var updated = http.put("/api/donors/" + id, "lb.unicef", """
        {"organisation": "Education Cannot Wait", "contactName": "Ana Pérez", "email": "%s",
         "language": "en", "countries": ["LB"], "appealTypes": []}
        """.formatted(email));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).get("language").asText()).isEqualTo("en");

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

  @Test
  void aCoLeadSeesNothingOfADonorOfOtherCountriesOnly() throws Exception {
    Donor colombian = donor("Fondo Colombia", "es", List.of("CO"), List.of());
    String path = "/api/donors/" + colombian.id();
    String unknownPath = "/api/donors/" + UUID.randomUUID();
    var read = http.get(path, "lb.unicef");
    var unknown = http.get(unknownPath, "lb.unicef");
    assertAnsweredAsUnknown(read, unknown, colombian.id(), unknownPath);
    assertThat(http.get("/api/donors", "lb.unicef").body()).doesNotContain(colombian.id());

    var changed = http.put(path, "lb.unicef", body(colombian, List.of("LB"), "en"));
    assertAnsweredAsUnknown(changed,
        http.put(unknownPath, "lb.unicef", body(colombian, List.of("LB"), "en")),
        colombian.id(), unknownPath);
    var unsubscribed = http.send(http.request(path, "lb.unicef").DELETE());
    assertAnsweredAsUnknown(unsubscribed,
        http.send(http.request(unknownPath, "lb.unicef").DELETE()), colombian.id(), unknownPath);
    assertUnchanged(colombian);

    // Colombia's co-leads and those who manage every donor do see it.
    for (String user : List.of("co.unicef", "secretariat", "gec.unicef", "admin")) {
      assertThat(http.get(path, user).statusCode()).as(user).isEqualTo(200);
      assertThat(http.get("/api/donors", user).body()).as(user).contains(colombian.id());
    }
  }

  @Test
  void aDonorBeyondTheCoLeadsCountriesIsManagedByTheSecretariat() throws Exception {
    Donor shared = donor("Shared Fund", "en", List.of("CO", "LB"), List.of());
    Donor byType = donor("Flash Fund", "en", List.of("LB"), List.of("FLASH_APPEAL"));
    for (Donor donor : List.of(shared, byType)) {
      String path = "/api/donors/" + donor.id();
      // Lebanon's co-lead reads it (it receives Lebanon's appeals)...
      assertThat(http.get(path, "lb.unicef").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/donors", "lb.unicef").body()).contains(donor.id());
      // ...but neither rewrites nor unsubscribes it.
      var changed = http.put(path, "lb.unicef", body(donor, List.of("LB"), "ar"));
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(403);
      assertThat(detail(changed)).contains("INEE Secretariat");
      var unsubscribed = http.send(http.request(path, "lb.unicef").DELETE());
      assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(403);
      assertThat(detail(unsubscribed)).contains("INEE Secretariat");
      assertUnchanged(donor);
    }
    assertThat(detail(http.put("/api/donors/" + shared.id(), "lb.unicef",
        body(shared, List.of("LB"), "ar")))).contains("CO");

    // The Secretariat, the global co-leads and administrators manage every donor.
    String path = "/api/donors/" + shared.id();
    assertThat(http.put(path, "secretariat", body(shared, List.of("CO", "LB"), "fr"))
        .statusCode()).isEqualTo(200);
    assertThat(http.put(path, "gec.unicef", body(shared, List.of("CO", "LB"), "es"))
        .statusCode()).isEqualTo(200);
    var byAdmin = http.put(path, "admin", body(shared, List.of("CO", "LB"), "pt"));
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    assertThat(registry.find(shared.id()).orElseThrow().language()).isEqualTo("pt");
    var unsubscribed = http.send(http.request(path, "admin").DELETE());
    assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
    assertThat(registry.find(shared.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void aCoLeadSubscribesDonorsToTheirCountriesOnly() throws Exception {
    int before = donorCount();
    for (String subscription : List.of("\"countries\": [\"LB\", \"CO\"]",
        "\"countries\": [\"CO\"]", "\"countries\": [\"LB\"], \"appealTypes\": [\"FLASH_APPEAL\"]",
        "\"countries\": []")) {
      var created = http.post("/api/donors", "lb.unicef", """
          {"organisation": "Wider Fund", "contactName": "Y", "email": "wider@example.org", %s}
          """.formatted(subscription));
      assertThat(created.statusCode()).as(subscription + ": " + created.body()).isEqualTo(403);
      assertThat(detail(created)).as(subscription).contains("INEE Secretariat");
    }
    assertThat(donorCount()).isEqualTo(before);

    Donor lebanese = donor("Lebanon Fund", "en", List.of("LB"), List.of());
    var widened = http.put("/api/donors/" + lebanese.id(), "lb.unicef",
        body(lebanese, List.of("CO", "LB"), "en"));
    assertThat(widened.statusCode()).as(widened.body()).isEqualTo(403);
    assertThat(detail(widened)).contains("CO");
    var byType = http.put("/api/donors/" + lebanese.id(), "lb.unicef", """
        {"organisation": "Lebanon Fund", "contactName": "Y", "email": "%s", "countries": ["LB"],
         "appealTypes": ["CERF_RAPID_RESPONSE"]}""".formatted(lebanese.email()));
    assertThat(byType.statusCode()).as(byType.body()).isEqualTo(403);
    assertUnchanged(lebanese);
    assertThat(registry.subscribedTo("CO", "HRP_REVISION")).extracting(Donor::id)
        .doesNotContain(lebanese.id());

    var own = http.post("/api/donors", "lb.unicef", """
        {"organisation": "Beirut Fund", "contactName": "Y", "email": "%s", "countries": ["LB"]}
        """.formatted("beirut-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    var unsubscribed = http.send(http.request("/api/donors/"
        + JSON.readTree(own.body()).get("id").asText(), "lb.unicef").DELETE());
    assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
  }

  /** Same status, same problem fields, same words (but for the id) as for an unknown donor. */
  private static void assertAnsweredAsUnknown(HttpResponse<String> hidden,
      HttpResponse<String> unknown, String hiddenId, String unknownPath) throws Exception {
    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(hidden.headers().firstValue("Content-Type"))
        .isEqualTo(unknown.headers().firstValue("Content-Type"));
    String unknownId = unknownPath.substring(unknownPath.lastIndexOf('/') + 1);
    assertThat(JSON.readTree(hidden.body()))
        .isEqualTo(JSON.readTree(unknown.body().replace(unknownId, hiddenId)));
  }

  /** The donor as it was registered, still subscribed. */
  private void assertUnchanged(Donor donor) {
    Donor now = registry.find(donor.id()).orElseThrow();
    assertThat(now).isEqualTo(donor);
    assertThat(now.active()).isTrue();
  }

  private static String body(Donor donor, List<String> countries, String language) {
    var body = JSON.createObjectNode();
    body.put("organisation", donor.organisation());
    body.put("contactName", donor.contactName());
    body.put("email", donor.email());
    body.put("language", language);
    countries.forEach(body.putArray("countries")::add);
    return body.toString();
  }

  private static String detail(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("detail").asText();
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
