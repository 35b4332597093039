package org.eie.workflows.donors;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.FieldError;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eie.workflows.identity.EieProperties;

/** A donor as the API receives it, before validation. */
record DonorInput(String organisation, String contactName, String email, String language,
    List<String> countries, List<String> appealTypes) {

  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  /** The donor normalised (trimmed, e-mail lower-case, lists sorted), or 400 naming each field. */
  DonorInput validated(EieProperties properties) {
    List<FieldError> errors = new ArrayList<>();
    String organisation = FormReader.required(this.organisation, "organisation", 200, errors);
    String contactName = FormReader.required(this.contactName, "contactName", 200, errors);
    String email = FormReader.required(this.email, "email", 254, errors);
    if (email != null) {
      email = email.toLowerCase(Locale.ROOT);
      if (!isEmailAddress(email)) {
        errors.add(new FieldError("email", "'" + this.email + "' is not an e-mail address"));
      }
    }
    String language = this.language == null || this.language.isBlank() ? "en"
        : this.language.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      errors.add(new FieldError("language",
          "'" + this.language + "' is not an ISO 639-1 language code (en, fr, ar, es, pt, ...)"));
    }
    var countries = new TreeSet<String>();
    for (String country : this.countries == null ? List.<String>of() : this.countries) {
      if (!properties.isCountry(country)) {
        errors.add(new FieldError("countries", "'" + country + "' is not a country cluster of "
            + "this installation (known: " + String.join(", ", properties.countries().keySet())
            + ")"));
      } else {
        countries.add(country);
      }
    }
    var types = new TreeSet<String>();
    for (String type : this.appealTypes == null ? List.<String>of() : this.appealTypes) {
      if (!AppealTypes.isKnown(type)) {
        errors.add(new FieldError("appealTypes", "'" + type + "' is not an appeal type (known: "
            + String.join(", ", AppealTypes.ALL) + ")"));
      } else {
        types.add(type);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new DonorInput(organisation, contactName, email, language, List.copyOf(countries),
        List.copyOf(types));
  }

  private static boolean isEmailAddress(String email) {
    try {
      var address = new InternetAddress(email, true);
      address.validate();
      // A bare local name ("someone") is legal RFC 822 but undeliverable from here.
      return address.getAddress().equals(email) && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    } catch (AddressException e) {
      return false;
    }
  }
}
