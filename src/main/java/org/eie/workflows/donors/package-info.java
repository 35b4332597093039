/**
 * Donors receive the appeal: the donor registry and its subscriptions, the
 * {@code appealDonorDelivery} process that e-mails each subscribed donor the appeal PDF exactly
 * once per version, the expiring download links, and pledges with the appeal's funding coverage.
 */
package org.eie.workflows.donors;
