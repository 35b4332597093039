package org.eie.workflows.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Candidate group ids, one per role and, for the country roles, one per country cluster.
 * BPMN files name these ids in {@code camunda:candidateGroups}, for instance
 * {@code coleads-${country}}.
 */
public final class Groups {

  /** UNICEF and Save the Children at the GEC Unit, Geneva. */
  public static final String GLOBAL_CO_LEADS = "gec-global-coleads";
  public static final String SECRETARIAT = "inee-secretariat";
  public static final String STEERING_GROUP = "inee-steering-group";
  /** INEE's Standards and Practice working group: confirms training modules against the Minimum Standards. */
  public static final String STANDARDS_WORKING_GROUP = "inee-standards-practice-wg";
  /** Co-lead organisations: a sign-off needs one of each. */
  public static final String UNICEF = "org-unicef";
  public static final String SAVE_THE_CHILDREN = "org-save-the-children";
  public static final String ADMINS = "camunda-admin";

  /** The Language Communities that translate and validate, by ISO 639-1 code. */
  public static final List<String> LANGUAGES = List.of("ar", "fr", "pt", "es");

  private Groups() {
  }

  public static String coLeadsOf(String country) {
    return "coleads-" + country;
  }

  /**
   * The office of the country's Humanitarian Coordinator, who endorses the country's appeals
   * after both co-leads signed them off.
   */
  public static String humanitarianCoordinatorOf(String country) {
    return "hc-" + country;
  }

  public static String partnersOf(String country) {
    return "partners-" + country;
  }

  public static String languageCommunity(String language) {
    return "language-" + language;
  }

  /**
   * Whether the holder of these groups coordinates every country cluster: administrators, the
   * INEE Secretariat and the global co-leads.
   */
  public static boolean coordinateEveryCountry(Collection<String> groups) {
    return groups.contains(ADMINS) || groups.contains(SECRETARIAT)
        || groups.contains(GLOBAL_CO_LEADS);
  }

  /**
   * The countries, of these, that the holder of these groups coordinates: every one for those who
   * {@linkplain #coordinateEveryCountry coordinate every country}, a country's co-leads their own,
   * everyone else none. Partner organisations and donors are managed by this rule.
   */
  public static Set<String> countriesCoordinatedBy(Collection<String> groups,
      Collection<String> countries) {
    Set<String> coordinated = new TreeSet<>();
    countries.stream()
        .filter(country -> coordinateEveryCountry(groups) || groups.contains(coLeadsOf(country)))
        .forEach(coordinated::add);
    return coordinated;
  }
}
