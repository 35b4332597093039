package org.eie.workflows.partners;

import java.time.Instant;

/**
 * A user of a partner organisation.
 *
 * @param userId  the Camunda user
 * @param addedBy who attached them through the registry, or null when it was done elsewhere
 *                (in Admin)
 * @param addedAt when, or null
 */
record PartnerMember(String userId, String addedBy, Instant addedAt) {
}
