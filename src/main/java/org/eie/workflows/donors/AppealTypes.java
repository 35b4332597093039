package org.eie.workflows.donors;

import java.util.List;

/**
 * The appeal types a donor can subscribe to, as the appeal process names them in its
 * {@code appealType} variable.
 */
final class AppealTypes {

  static final List<String> ALL = List.of("FLASH_APPEAL", "HRP_REVISION", "CERF_RAPID_RESPONSE",
      "ECW_FIRST_EMERGENCY_RESPONSE");

  private AppealTypes() {
  }

  static boolean isKnown(String type) {
    return type != null && ALL.contains(type);
  }
}
