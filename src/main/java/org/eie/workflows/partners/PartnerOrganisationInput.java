package org.eie.workflows.partners;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eie.workflows.identity.EieProperties;

/** An organisation to register, as the API receives it, before validation. */
record PartnerOrganisationInput(String country, String name, String acronym, String type) {

  static final int MAX_ACRONYM = 20;

  /** Trimmed and checked, or 400 naming each field; nothing is written before. */
  PartnerOrganisationInput validated(EieProperties properties) {
    List<FieldError> errors = new ArrayList<>();
    String country = this.country == null ? null : this.country.trim().toUpperCase(Locale.ROOT);
    if (country == null || country.isEmpty()) {
      errors.add(new FieldError("country", "is required (ISO 3166 code of the country cluster)"));
    } else if (!properties.isCountry(country)) {
      errors.add(new FieldError("country", "'" + this.country + "' is not a country cluster of"
          + " this installation (known: " + String.join(", ", properties.countries().keySet())
          + ")"));
    }
    String name = FormReader.required(this.name, "name", 200, errors);
    String acronym = FormReader.required(this.acronym, "acronym", MAX_ACRONYM, errors);
    if (acronym != null && PartnerOrganisation.idOf("XX", acronym) == null) {
      errors.add(new FieldError("acronym", "needs at least one letter or digit"));
    }
    String type = this.type == null ? null : this.type.trim();
    if (type == null || type.isEmpty()) {
      errors.add(new FieldError("type", "is required (one of "
          + Arrays.toString(PartnerOrganisationType.values()) + ")"));
    } else if (!PartnerOrganisationType.isKnown(type)) {
      errors.add(new FieldError("type", "'" + type + "' is not a kind of partner organisation"
          + " (one of " + Arrays.toString(PartnerOrganisationType.values()) + ")"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new PartnerOrganisationInput(country, name, acronym, type);
  }

  String id() {
    return PartnerOrganisation.idOf(country, acronym);
  }
}
