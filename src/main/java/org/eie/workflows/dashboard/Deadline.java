package org.eie.workflows.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * One deadline of a process and where it stands now.
 *
 * @param name         stable key (assessment, submission, publication, evaluation, review)
 * @param dueAt        when it falls due
 * @param state        MET (done in time), MET_LATE (done after it), DUE (open, not yet passed),
 *                     OVERDUE (open and passed), CLOSED (a closing date that has passed, or the
 *                     process ended without the step)
 * @param daysLeft     whole days until it falls due, for DUE
 * @param overdueSince when it was missed, for OVERDUE
 * @param doneAt       when the step it guards was done, for MET and MET_LATE
 */
public record Deadline(String name, Instant dueAt, State state, Long daysLeft,
    Instant overdueSince, Instant doneAt) {

  public enum State { MET, MET_LATE, DUE, OVERDUE, CLOSED }

  /**
   * The state of a deadline whose step was done at {@code doneAt} (null: not yet), in a process
   * that has {@code ended} or not.
   */
  static Deadline of(String name, Instant dueAt, Instant doneAt, boolean ended, Instant now) {
    if (dueAt == null) {
      return null;
    }
    if (doneAt != null) {
      return new Deadline(name, dueAt, doneAt.isAfter(dueAt) ? State.MET_LATE : State.MET, null,
          null, doneAt);
    }
    if (ended) {
      return new Deadline(name, dueAt, State.CLOSED, null, null, null);
    }
    if (now.isAfter(dueAt)) {
      return new Deadline(name, dueAt, State.OVERDUE, null, dueAt, null);
    }
    return new Deadline(name, dueAt, State.DUE, Duration.between(now, dueAt).toDays(), null, null);
  }

  /** A closing date (a call for projects): open until it passes, then closed; never overdue. */
  static Deadline closing(String name, Instant dueAt, boolean ended, Instant now) {
    if (dueAt == null) {
      return null;
    }
    if (ended || now.isAfter(dueAt)) {
      return new Deadline(name, dueAt, State.CLOSED, null, null, null);
    }
    return new Deadline(name, dueAt, State.DUE, Duration.between(now, dueAt).toDays(), null, null);
  }

  public boolean overdue() {
    return state == State.OVERDUE;
  }

  public boolean open() {
    return state == State.DUE || state == State.OVERDUE;
  }

  /** Whole days overdue, for OVERDUE. */
  public Long daysOverdue(Instant now) {
    return overdueSince == null ? null : Duration.between(overdueSince, now).toDays();
  }
}
