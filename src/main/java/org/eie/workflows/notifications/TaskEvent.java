package org.eie.workflows.notifications;

/** What a notification is about; the ledger's {@code event} column. */
enum TaskEvent {
  /** The task was created: its candidates (and assignee) learn of it. */
  ARRIVED,
  /** Its due date is near ({@code eie.notifications.reminder-before}). */
  REMINDER,
  /** Its due date has passed and it is still open. */
  OVERDUE
}
