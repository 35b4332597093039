package org.eie.workflows.appeal;

/** Why and by whom an appeal was cancelled. */
public record Cancellation(String reason, String cancelledBy, String cancelledAt) {
}
