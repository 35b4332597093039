package org.eie.workflows.appeal.document;

/**
 * The file name of an appeal document, as donors save it from their e-mail and the API sends it:
 * {@code emergency-funding-appeal-LB-20261120-3f2a-v2-fr.pdf}. The appeal's short reference (its
 * business key without {@code APPEAL-}) keeps two appeals of one country on one day apart, the
 * version keeps a revision apart from the version it replaces, and the language suffix (none for
 * the appeal's own language) keeps the translations apart.
 */
final class AppealFileName {

  private static final String PREFIX = "APPEAL-";

  private AppealFileName() {
  }

  /**
   * @param businessKey the appeal's business key; an appeal started without one (through the
   *                    engine directly) is named by its process instance id
   * @param language    null for the appeal's own language
   */
  static String of(String businessKey, String processInstanceId, int version, String language) {
    String reference = businessKey == null || businessKey.isBlank() ? processInstanceId
        : businessKey.startsWith(PREFIX) ? businessKey.substring(PREFIX.length()) : businessKey;
    return "emergency-funding-appeal-" + reference.replaceAll("[^A-Za-z0-9-]", "-") + "-v"
        + version + (language == null ? "" : "-" + language) + ".pdf";
  }
}
