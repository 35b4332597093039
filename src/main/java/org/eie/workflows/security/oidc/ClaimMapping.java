package org.eie.workflows.security.oidc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.security.oidc.OidcProperties.Mapping;

/**
 * The mapping table applied to one token's claims. Only rows of the table give groups: a claim
 * value no row names gives nothing, whatever it is called ("admin", "coleads-LB").
 */
final class ClaimMapping {

  private static final Pattern COUNTRY_GROUP = Pattern.compile("(coleads|partners|hc)-([A-Z]{2})");
  private static final Pattern PARTNER_ORGANISATION = Pattern.compile("partner-([A-Z]{2})-.+");
  private static final Set<String> FIXED = Set.of(Groups.GLOBAL_CO_LEADS, Groups.SECRETARIAT,
      Groups.STEERING_GROUP, Groups.STANDARDS_WORKING_GROUP, Groups.UNICEF,
      Groups.SAVE_THE_CHILDREN, Groups.ADMINS);

  private ClaimMapping() {
  }

  /** Our groups for these claims, by the rows of the table. */
  static Set<String> groupsOf(Map<String, ?> claims, List<Mapping> mappings) {
    Set<String> groups = new TreeSet<>();
    for (Mapping mapping : mappings) {
      if (holds(claim(claims, mapping.claim()), mapping.value())) {
        groups.addAll(mapping.groups());
      }
    }
    return groups;
  }

  /** A claim by name, or by a dotted path into nested claims ({@code realm_access.roles}). */
  static Object claim(Map<String, ?> claims, String path) {
    if (claims.containsKey(path)) {
      return claims.get(path);
    }
    Object current = claims;
    for (String step : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(step);
    }
    return current;
  }

  private static boolean holds(Object claim, String value) {
    if (claim instanceof Collection<?> values) {
      return values.stream().anyMatch(element -> value.equals(String.valueOf(element)));
    }
    return claim != null && value.equals(String.valueOf(claim));
  }

  /**
   * Whether a group id of the table is one of ours: a fixed role, a Language Community, or a
   * country group of a configured country. A typo ("colead-LB") stops start-up instead of
   * quietly giving nobody anything.
   */
  static boolean isOurs(String group, Collection<String> countries) {
    if (FIXED.contains(group)) {
      return true;
    }
    if (Groups.LANGUAGES.stream().map(Groups::languageCommunity).anyMatch(group::equals)) {
      return true;
    }
    var country = COUNTRY_GROUP.matcher(group);
    if (country.matches()) {
      return countries.contains(country.group(2));
    }
    var partner = PARTNER_ORGANISATION.matcher(group);
    return partner.matches() && countries.contains(partner.group(1));
  }
}
