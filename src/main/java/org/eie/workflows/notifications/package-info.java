/**
 * E-mail notifications of human tasks: a mail to the candidates when a task arrives, a reminder
 * before its due date and a notice when it is overdue, at most once per task, event and user,
 * through the application's one mail sender ({@code mail/}). docs/notifications.md, "Notifications".
 */
package org.eie.workflows.notifications;
