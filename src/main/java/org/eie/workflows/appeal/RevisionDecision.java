package org.eie.workflows.appeal;

/**
 * A co-lead's decision on a published appeal outside its tasks: revise it now, before the
 * revision is due, or close it with no (further) revision.
 *
 * @param decision {@code REVISE_NOW} or {@code CLOSE}
 */
public record RevisionDecision(String decision, String reason, String decidedBy,
    String decidedAt) {

  static final String REVISE_NOW = "REVISE_NOW";
  static final String CLOSE = "CLOSE";
}
