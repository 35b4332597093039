package org.eie.workflows.mail;

import java.util.Optional;

/**
 * The record a stream of e-mails keeps (the donors' deliveries, the task notifications): one row
 * per message that is to go out, created before anything is sent, with a unique key so that the
 * same message is never recorded twice. {@link MailSender#sendOnce} calls these methods, each in
 * the transaction it says; an implementation only reads and writes its own table.
 *
 * @param <R> one row: one message to one recipient
 */
public interface Ledger<R> {

  /** The address this stream's e-mails come from. */
  String from();

  /**
   * Locks the row ({@code select ... for update}, in the sender's transaction) and returns it if
   * its message is still to go out; empty if it went out or was settled otherwise meanwhile.
   */
  Optional<R> lockUnsent(String id);

  /**
   * The Message-ID of the row's message: the same on every attempt, so a repeat after a crash
   * (see {@link MailSender}) is recognisably the same message.
   */
  String messageId(R row);

  /**
   * An attempt is about to hand the message to the server: committed on its own before the
   * message leaves, so an attempt cut short by a crash stays on record.
   *
   * @return an id for this attempt, handed back to {@link #failed}; null if none is kept
   */
  default String attemptBegins(R row) {
    return null;
  }

  /** The server accepted the message: recorded under the row's lock, in the same transaction. */
  void sent(R row, Letter letter);

  /**
   * An attempt failed, recorded in a transaction of its own (the caller's rolls back); the row
   * stays unsent and is tried again later.
   *
   * @param attemptId what {@link #attemptBegins} returned, or null if it failed before that
   * @param reason the failure's messages, short enough for a status column
   */
  void failed(String id, String attemptId, String reason);
}
