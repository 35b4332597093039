package org.eie.workflows.appeal;

/**
 * One co-lead organisation's sign-off (or send-back) of the consolidated appeal, or the
 * Humanitarian Coordinator's send-back after both, which starts the round again like one.
 *
 * @param organisation {@code UNICEF} or {@code SAVE_THE_CHILDREN}; {@code HUMANITARIAN_COORDINATOR}
 *                     for the HC's send-back (never approved: the endorsement is not a sign-off)
 * @param approved     false when sent back to consolidation
 */
public record SignOff(String organisation, String userId, String userName, boolean approved,
    String comment, String at) {
}
