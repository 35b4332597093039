package org.eie.workflows.notifications;

/** One row of the ledger: one mail about one task event to one user. */
record Notification(String id, String taskId, TaskEvent event, String userId, Status status,
    String statusDetail, int attempts) {

  enum Status {
    /** To send, or waiting for the mail server (the detail says why). */
    PENDING,
    SENT,
    /** Not sent: switched off by the user, or no e-mail address. */
    SKIPPED,
    /** Not sent: the task was done (or is overdue, for a reminder) before it could go out. */
    CANCELLED
  }
}
