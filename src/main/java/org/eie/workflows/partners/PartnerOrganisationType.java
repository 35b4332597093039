package org.eie.workflows.partners;

/**
 * Kinds of partner organisation, as the cluster's partner lists and the appeal document name
 * them. The document's bundles word them per language ({@code partnerType.NATIONAL_NGO}); the
 * English name here is what the registry API answers beside the code.
 */
public enum PartnerOrganisationType {

  UN_AGENCY("UN agency"),
  INTERNATIONAL_NGO("International NGO"),
  NATIONAL_NGO("National NGO"),
  GOVERNMENT("Government"),
  RED_CROSS_RED_CRESCENT("Red Cross / Red Crescent");

  private final String readableName;

  PartnerOrganisationType(String readableName) {
    this.readableName = readableName;
  }

  /** The English name ("International NGO"). */
  public String readableName() {
    return readableName;
  }

  static boolean isKnown(String code) {
    for (PartnerOrganisationType type : values()) {
      if (type.name().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
