package org.eie.workflows.appeal;

/** The co-leads' go / no-go on an appeal, with who decided, when and why. */
public record Activation(boolean activated, String reason, String appealLead, String decidedBy,
    String decidedAt) {
}
