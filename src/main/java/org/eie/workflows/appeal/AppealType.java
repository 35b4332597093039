package org.eie.workflows.appeal;

/**
 * The kinds of emergency appeal an Education Cluster contributes to, each with the rules its
 * partners' projects follow. Their names for people come from the message bundles
 * ({@code appealType.FLASH_APPEAL}), never from Java. The rules are read by the recorder of a
 * submission ({@link AppealInputs#project}, {@code appeal/projects/RecordPartnerProject}), by
 * the call for projects (who is offered the task, {@code appeal/projects/CallSubmitters}) and by
 * the document; the partner's form states them beside its fields.
 */
public enum AppealType {
  /** The default: published within about 7 days of onset; no duration rule of its own. */
  FLASH_APPEAL(null, false),
  /** A revision of the country's Humanitarian Response Plan; no duration rule of its own. */
  HRP_REVISION(null, false),
  /**
   * Central Emergency Response Fund rapid response. Agencies cannot apply to CERF directly: the
   * Humanitarian Coordinator submits <em>one</em> prioritised package for the country, made of
   * the projects of the UN agencies and IOM ({@code appeal/projects/CerfAgencies}), each for its
   * own projects and naming the implementing partners it works through; funds are spent within
   * 6 months.
   */
  CERF_RAPID_RESPONSE(6, true),
  /**
   * Education Cannot Wait First Emergency Response: the cluster, as coordinating entity,
   * prepares one inter-agency proposal whose grantees are the organisations of its projects;
   * grants run up to 12 months.
   */
  ECW_FIRST_EMERGENCY_RESPONSE(12, false);

  private final Integer maxProjectMonths;
  private final boolean cerfAgenciesOnly;

  AppealType(Integer maxProjectMonths, boolean cerfAgenciesOnly) {
    this.maxProjectMonths = maxProjectMonths;
    this.cerfAgenciesOnly = cerfAgenciesOnly;
  }

  /**
   * The longest a project may run under this type, or null when the type has no rule of its own
   * (then only the general limit of {@link AppealInputs#MAX_PROJECT_MONTHS} applies).
   */
  public Integer maxProjectMonths() {
    return maxProjectMonths;
  }

  /**
   * Only the agencies of {@code appeal/projects/CerfAgencies} apply, each naming its implementing
   * partners.
   */
  public boolean cerfAgenciesOnly() {
    return cerfAgenciesOnly;
  }

  /** The type named by a trigger or a call; an older call that names none is a Flash Appeal. */
  public static AppealType of(Object name) {
    return name instanceof String s && !s.isBlank() ? valueOf(s) : FLASH_APPEAL;
  }
}
