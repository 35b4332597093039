package org.eie.workflows.appeal;

/**
 * The Humanitarian Coordinator's latest decision on the appeal: the process variable
 * {@code endorsement}. It carries the decision and the reason for the co-leads to read; who
 * endorsed a published version is read from the engine's record ({@link FourEyesCheck}), never
 * from here.
 *
 * @param decision {@code ENDORSE} or {@code SEND_BACK}
 * @param reason   why it was sent back (required then), or null
 */
public record Endorsement(String decision, String reason, String userId, String userName,
    String at) {

  static final String ENDORSE = "ENDORSE";
  static final String SEND_BACK = "SEND_BACK";

  boolean endorsed() {
    return ENDORSE.equals(decision);
  }
}
