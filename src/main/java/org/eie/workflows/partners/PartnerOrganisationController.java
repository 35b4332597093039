package org.eie.workflows.partners;

import org.eie.workflows.forms.NotFound;
import java.util.List;
import java.util.Set;
import org.eie.workflows.identity.EieProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner registry for the country's co-leads (their country), the INEE Secretariat, the
 * global co-leads and administrators (every country): {@link PartnerAccess}. Everyone else gets
 * 403; an organisation of a country the caller does not manage is answered 404, exactly as an
 * unknown one.
 */
@RestController
@RequestMapping("/api/partner-organisations")
class PartnerOrganisationController {

  private final PartnerRegistry registry;
  private final PartnerAccess access;
  private final EieProperties properties;

  PartnerOrganisationController(PartnerRegistry registry, PartnerAccess access,
      EieProperties properties) {
    this.registry = registry;
    this.access = access;
    this.properties = properties;
  }

  /** The organisations of the caller's countries (or of one of them: {@code ?country=LB}). */
  @GetMapping
  List<OrganisationAnswer> organisations(@RequestParam(required = false) String country) {
    access.requireManager();
    Set<String> countries = access.managedCountries();
    if (country != null) {
      countries = countries.contains(country) ? Set.of(country) : Set.of();
    }
    return registry.ofCountries(countries).stream().map(this::answer).toList();
  }

  @GetMapping("/{id}")
  OrganisationAnswer organisation(@PathVariable String id) {
    access.requireManager();
    return answer(visible(id));
  }

  /** Registers an organisation and creates its group. Body: country, name, acronym, type. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OrganisationAnswer register(@RequestBody PartnerOrganisationInput body) {
    String user = access.requireManager();
    PartnerOrganisationInput organisation = body.validated(properties);
    access.requireManagerOf(organisation.country());
    return answer(registry.register(organisation, user));
  }

  /**
   * Attaches an existing user (created in Admin) to the organisation: its group and the country's
   * partners group. Idempotent.
   */
  @PutMapping("/{id}/members/{userId}")
  OrganisationAnswer addMember(@PathVariable String id, @PathVariable String userId) {
    String user = access.requireManager();
    return answer(registry.addMember(visible(id), userId, user));
  }

  private PartnerOrganisation visible(String id) {
    return registry.find(id).filter(o -> access.managedCountries().contains(o.country()))
        .orElseThrow(() -> new NotFound("No partner organisation " + id
            + " that you manage"));
  }

  private OrganisationAnswer answer(PartnerOrganisation organisation) {
    return OrganisationAnswer.of(organisation, registry.membersOf(organisation));
  }
}
