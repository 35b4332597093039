package org.eie.workflows.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The {@code eie.*} settings: demo mode, the administrator account and the country clusters.
 *
 * @param demo      seed the demo users with their README passwords (local default only)
 * @param admin     the administrator account
 * @param countries country clusters by ISO 3166 alpha-2 code
 */
@ConfigurationProperties("eie")
public record EieProperties(boolean demo, Admin admin, Map<String, String> countries) {

  private static final Set<String> ISO_COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  public EieProperties {
    admin = admin == null ? new Admin("admin", null) : admin;
    // Spring lower-cases map keys bound from the environment (EIE_COUNTRIES_ZW=Zimbabwe arrives
    // as "zw"): codes are upper case whichever way they were written.
    var upperCase = new TreeMap<String, String>();
    (countries == null ? Map.<String, String>of() : countries)
        .forEach((code, name) -> upperCase.put(code.toUpperCase(Locale.ROOT), name));
    countries = upperCase;
    var unknown = countries.keySet().stream()
        .filter(code -> !ISO_COUNTRIES.contains(code))
        .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "eie.countries: not ISO 3166 alpha-2 country codes: " + unknown);
    }
  }

  /** The administrator's password, or a failure that says how to set it. */
  public String adminPassword() {
    if (StringUtils.hasText(admin.password())) {
      return admin.password();
    }
    if (demo) {
      return "admin";
    }
    throw new IllegalStateException(
        "No administrator password configured: set EIE_ADMIN_PASSWORD (property eie.admin.password)."
            + " Outside the local demo mode no account has a default password.");
  }

  public boolean isCountry(String code) {
    return code != null && countries.containsKey(code);
  }

  /** @param username the administrator's user id, member of camunda-admin */
  public record Admin(String username, String password) {
    public Admin {
      username = StringUtils.hasText(username) ? username : "admin";
    }
  }

  @Override
  public String toString() {
    // Never print the password.
    return "EieProperties[demo=" + demo + ", admin=" + admin.username() + ", countries="
        + Arrays.toString(countries.keySet().toArray()) + "]";
  }
}
