/**
 * Revising a published appeal: when the revision falls due, what the co-leads change in it, and
 * what changed since the version before as the donors' e-mail states it. The decisions it records
 * ({@code AppealRevision}, {@code RevisionDecision}, {@code AppealChanges}) stay in
 * {@code appeal/}: running appeals keep their class names in their variables.
 */
package org.eie.workflows.appeal.revision;
