/**
 * E-mail, one way for every feature: the SMTP server named by {@code spring.mail.*} (configured
 * or not, reachable or not), and the one {@link org.eie.workflows.mail.MailSender} that writes
 * the envelope, sends a message at most once per {@link org.eie.workflows.mail.Ledger} row and
 * records every attempt, so that a message the server did not take is simply tried again later.
 */
package org.eie.workflows.mail;
