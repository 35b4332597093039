/**
 * What Tasklist shows a user: every task's name and description carry the process's context
 * ({@link TaskHeadings}, worded in {@code tasklist/messages.properties}), the variables the
 * ready-made filters list beside each task, and the figures a form shows formatted for people
 * ({@link Figures}). Each process feature says what its context is through a {@link TaskContext}.
 */
package org.eie.workflows.tasklist;
