package org.eie.workflows.appeal.projects;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.partners.PartnerOrganisation;
import org.eie.workflows.partners.PartnerRegistry;
import org.springframework.stereotype.Component;

/**
 * Which registered partner organisation a project is submitted for: the organisation of the
 * country whose group the engine's authenticated user belongs to at the time of submission. A
 * partner user attached to no registered organisation of the country may not submit (403, and
 * the same refusal in Tasklist); one attached to several names the organisation in
 * {@code partnerOrganisation} (id, acronym or name). A name that is not the user's own
 * organisation is refused rather than recorded.
 */
@Component
public class SubmittingOrganisation {

  public static final String FIELD = "partnerOrganisation";

  private final PartnerRegistry registry;
  private final CurrentUser user;

  SubmittingOrganisation(PartnerRegistry registry, CurrentUser user) {
    this.registry = registry;
    this.user = user;
  }

  /** The organisation the current user submits for in this country, or a refusal. */
  PartnerOrganisation of(String country, String named) {
    List<PartnerOrganisation> own = registry.organisationsOf(country, user.groups());
    if (own.isEmpty()) {
      throw new AuthorizationException(user.recordedId() + " may not submit partner projects in "
          + country + ": they belong to no partner organisation registered for " + country
          + ". The country's co-leads attach users to their organisation in the partner"
          + " registry (PUT /api/partner-organisations/{id}/members/{userId}).");
    }
    if (named == null || named.isBlank()) {
      if (own.size() == 1) {
        return own.get(0);
      }
      throw new InvalidInput(FIELD, "you belong to several partner organisations"
          + " in " + country + ": name the one this project is for (" + listed(own) + ")");
    }
    String wanted = named.trim().toLowerCase(Locale.ROOT);
    return own.stream().filter(o -> o.id().toLowerCase(Locale.ROOT).equals(wanted)
            || o.acronym().toLowerCase(Locale.ROOT).equals(wanted)
            || o.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new InvalidInput(FIELD, "'" + named.trim()
            + "' is not your organisation: you submit for " + listed(own)
            + " (leave the field empty to use it)"));
  }

  /**
   * The organisation the current user submits for, refused unless it may apply in this type of
   * appeal: in a CERF rapid response appeal only the agencies of {@link CerfAgencies} (403 with
   * the reason, before anything is recorded).
   */
  public PartnerOrganisation applicant(String country, String named, AppealType type) {
    PartnerOrganisation organisation = of(country, named);
    if (type.cerfAgenciesOnly() && !CerfAgencies.isApplicant(organisation)) {
      throw new AuthorizationException(CerfAgencies.refusal(organisation));
    }
    return organisation;
  }

  /**
   * A resubmission: only the users of the organisation that submitted the project may revise it
   * (the revision task is offered to that organisation's group alone; this also refuses anyone
   * else the engine would let complete it).
   */
  void requireMemberOf(PartnerProject project) {
    String organisation = project.partnerOrganisationId();
    if (organisation != null && !user.groups().contains(organisation)) {
      throw new AuthorizationException(user.recordedId() + " may not revise project " + project.id()
          + ": only the users of " + project.partner() + " (" + organisation + "), which"
          + " submitted it, may");
    }
  }

  private static String listed(List<PartnerOrganisation> organisations) {
    return organisations.stream().map(o -> o.name() + " (" + o.acronym() + ")")
        .collect(Collectors.joining(", "));
  }
}
