package org.eie.workflows.appeal.projects;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eie.workflows.partners.PartnerOrganisation;

/**
 * Who may apply in a CERF rapid response appeal: CERF grants only to UN agencies and IOM (the
 * International Organization for Migration, a related organisation of the UN system); NGOs take
 * part as their implementing partners, named inside the agencies' projects. This is the one list
 * of the code: a registered organisation of the country is an applicant when its acronym is here
 * (compared on letters and digits, so {@code UN-Habitat} and {@code UN Women} match however the
 * co-leads wrote them). The registry's own type (UN agency, NGO, ...) is what the co-leads
 * declared; this list is what CERF accepts.
 */
final class CerfAgencies {

  /** Acronyms of the UN agencies and IOM that CERF funds. */
  static final List<String> ACRONYMS = List.of("UNICEF", "UNHCR", "WFP", "UNESCO", "IOM",
      "UNFPA", "UNDP", "WHO", "FAO", "UNRWA", "UN Women", "UN-Habitat", "OHCHR");

  private static final Set<String> KEYS = ACRONYMS.stream().map(CerfAgencies::key)
      .collect(Collectors.toUnmodifiableSet());

  private CerfAgencies() {
  }

  static boolean isApplicant(PartnerOrganisation organisation) {
    return organisation != null && KEYS.contains(key(organisation.acronym()));
  }

  /** Why an organisation may not apply, in the words the refusal and the docs use. */
  static String refusal(PartnerOrganisation organisation) {
    return organisation.name() + " (" + organisation.acronym() + ") may not apply in a CERF"
        + " rapid response appeal: the Humanitarian Coordinator submits one package of the"
        + " projects of UN agencies and IOM (" + String.join(", ", ACRONYMS) + "). An NGO takes"
        + " part as an implementing partner named in an agency's project.";
  }

  private static String key(String acronym) {
    return acronym == null ? "" : acronym.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
