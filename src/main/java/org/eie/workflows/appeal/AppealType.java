package org.eie.workflows.appeal;

/**
 * The kinds of emergency appeal an Education Cluster contributes to. Their names for people come
 * from the message bundles ({@code appealType.FLASH_APPEAL}), never from Java.
 */
public enum AppealType {
  /** The default: published within about 7 days of onset, covers 3-6 months. */
  FLASH_APPEAL,
  /** A revision of the country's Humanitarian Response Plan. */
  HRP_REVISION,
  /** Central Emergency Response Fund rapid response: one package per country, 6 months. */
  CERF_RAPID_RESPONSE,
  /** Education Cannot Wait First Emergency Response: one inter-agency proposal, up to 12 months. */
  ECW_FIRST_EMERGENCY_RESPONSE
}
