package org.eie.workflows.partners;

import java.time.Instant;
import java.util.Locale;

/**
 * A registered partner organisation of one country cluster.
 *
 * @param id           also its Camunda group id: {@code partner-LB-lea}
 * @param country      ISO 3166 alpha-2 code of the country cluster
 * @param name         as the organisation writes it, in any script
 * @param acronym      {@code LEA}, {@code NRC}
 * @param type         what kind of organisation it is
 * @param registeredBy the user who registered it (the records' nobody,
 *                     {@value org.eie.workflows.identity.CurrentUser#SYSTEM}, for the demo data)
 * @param registeredAt when
 */
public record PartnerOrganisation(String id, String country, String name, String acronym,
    PartnerOrganisationType type, String registeredBy, Instant registeredAt) {

  /** Camunda group type of an organisation's group. */
  public static final String GROUP_TYPE = "PARTNER_ORGANISATION";

  /** The Camunda group of the organisation's users (the id itself). */
  public String groupId() {
    return id;
  }

  /** {@code partner-LB-lea}: the group id of an acronym in a country, or null if nothing is left. */
  static String idOf(String country, String acronym) {
    String slug = acronym.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return slug.isEmpty() ? null : "partner-" + country + "-" + slug;
  }
}
