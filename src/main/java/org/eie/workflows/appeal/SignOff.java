package org.eie.workflows.appeal;

/**
 * One co-lead organisation's sign-off (or send-back) of the consolidated appeal.
 *
 * @param organisation {@code UNICEF} or {@code SAVE_THE_CHILDREN}
 * @param approved     false when sent back to consolidation
 */
public record SignOff(String organisation, String userId, String userName, boolean approved,
    String comment, String at) {
}
