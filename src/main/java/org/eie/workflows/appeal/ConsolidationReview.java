package org.eie.workflows.appeal;

/**
 * The co-leads' answer to inconsistencies or to a send-back at sign-off.
 *
 * @param decision {@code AMEND_PLAN} (the plan's activities changed, consolidate again) or
 *                 {@code CONFIRM} (figures stand as consolidated, to sign-off)
 */
public record ConsolidationReview(String decision, String comment, String reviewedBy,
    String reviewedAt) {
}
