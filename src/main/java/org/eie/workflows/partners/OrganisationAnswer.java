package org.eie.workflows.partners;

import java.time.Instant;
import java.util.List;

/** A partner organisation as the registry API answers it: the record, its group and its users. */
record OrganisationAnswer(String id, String country, String name, String acronym,
    PartnerOrganisationType type, String typeName, String group, String registeredBy,
    Instant registeredAt, List<PartnerMember> members) {

  static OrganisationAnswer of(PartnerOrganisation organisation, List<PartnerMember> members) {
    return new OrganisationAnswer(organisation.id(), organisation.country(), organisation.name(),
        organisation.acronym(), organisation.type(), organisation.type().readableName(),
        organisation.groupId(), organisation.registeredBy(), organisation.registeredAt(),
        List.copyOf(members));
  }
}
