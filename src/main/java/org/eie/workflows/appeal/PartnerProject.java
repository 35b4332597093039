package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's project in the appeal, with its review history.
 *
 * @param id             {@code LB-EDU-001}: country, cluster, number in the appeal
 * @param partner        the submitting organisation's name as registered
 * @param partnerOrganisationId the submitting organisation in the partner registry (and its
 *                       Camunda group, {@code partner-LB-lea}); null in projects submitted
 *                       before the registry existed
 * @param revision       1 as first submitted, +1 for each resubmission after a return
 * @param vettings       every review, oldest first
 * @param implementingPartners the organisations a CERF applicant agency implements the project
 *                       through, by name (at least one in a CERF appeal, {@link AppealType});
 *                       empty in other appeals and in projects recorded before the field existed
 */
public record PartnerProject(String id, String partner, String partnerOrganisationId,
    String title, List<ActivityBudget> activities, List<String> locations, PeopleTargeted targeted,
    int durationMonths, ProjectStatus status, int revision, String submittedBy,
    String submittedAt, List<Vetting> vettings, List<String> implementingPartners) {

  public PartnerProject {
    activities = activities == null ? List.of() : List.copyOf(activities);
    locations = locations == null ? List.of() : List.copyOf(locations);
    vettings = vettings == null ? List.of() : List.copyOf(vettings);
    implementingPartners = implementingPartners == null ? List.of()
        : List.copyOf(implementingPartners);
  }

  /** A project that names no implementing partners (any appeal but CERF). */
  public PartnerProject(String id, String partner, String partnerOrganisationId, String title,
      List<ActivityBudget> activities, List<String> locations, PeopleTargeted targeted,
      int durationMonths, ProjectStatus status, int revision, String submittedBy,
      String submittedAt, List<Vetting> vettings) {
    this(id, partner, partnerOrganisationId, title, activities, locations, targeted,
        durationMonths, status, revision, submittedBy, submittedAt, vettings, List.of());
  }

  public BigDecimal budgetUsd() {
    return activities.stream().map(ActivityBudget::budgetUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public PartnerProject vetted(Vetting vetting, ProjectStatus newStatus) {
    List<Vetting> all = new ArrayList<>(vettings);
    all.add(vetting);
    return new PartnerProject(id, partner, partnerOrganisationId, title, activities, locations,
        targeted, durationMonths, newStatus, revision, submittedBy, submittedAt, all,
        implementingPartners);
  }

  /**
   * The partner's resubmission after a return: same id, organisation and history, next revision.
   */
  public PartnerProject revisedAs(PartnerProject draft) {
    return new PartnerProject(id, partner, partnerOrganisationId, draft.title, draft.activities,
        draft.locations, draft.targeted, draft.durationMonths, ProjectStatus.SUBMITTED,
        revision + 1, draft.submittedBy, draft.submittedAt, vettings, draft.implementingPartners);
  }

  /** A draft as submitted for a registered organisation. */
  public PartnerProject submittedFor(String organisationName, String organisationId) {
    return new PartnerProject(id, organisationName, organisationId, title, activities, locations,
        targeted, durationMonths, status, revision, submittedBy, submittedAt, vettings,
        implementingPartners);
  }

  /** Taken out of the appeal at a revision; its history stays. */
  public PartnerProject withdrawn() {
    return new PartnerProject(id, partner, partnerOrganisationId, title, activities, locations,
        targeted, durationMonths, ProjectStatus.WITHDRAWN, revision, submittedBy, submittedAt,
        vettings, implementingPartners);
  }

  /**
   * The project with a new total budget at a revision: each activity line in proportion to its
   * share of the old total, rounded to the cent, the last line taking the rounding so the lines
   * add up to the new total exactly.
   */
  public PartnerProject withBudget(BigDecimal totalUsd) {
    BigDecimal old = budgetUsd();
    List<ActivityBudget> lines = new ArrayList<>();
    BigDecimal assigned = BigDecimal.ZERO;
    for (int i = 0; i < activities.size(); i++) {
      ActivityBudget line = activities.get(i);
      BigDecimal amount = i == activities.size() - 1 ? totalUsd.subtract(assigned)
          : old.signum() == 0 ? BigDecimal.ZERO : line.budgetUsd().multiply(totalUsd)
              .divide(old, 2, java.math.RoundingMode.HALF_UP);
      assigned = assigned.add(amount);
      lines.add(new ActivityBudget(line.activity(), amount));
    }
    return new PartnerProject(id, partner, partnerOrganisationId, title, lines, locations,
        targeted, durationMonths, status, revision, submittedBy, submittedAt, vettings,
        implementingPartners);
  }

  public Vetting lastVetting() {
    return vettings.isEmpty() ? null : vettings.get(vettings.size() - 1);
  }
}
