/**
 * The process kit every process and API uses: how a Tasklist form submission reaches a task's
 * recorder (as one transient value) and how that recorder runs ({@link TaskCompletion}: on
 * completion, never on cancellation), the one input refusal ({@link InvalidInput} with
 * {@link FieldError}s), the other refusals ({@link NotFound}, {@link Forbidden},
 * {@link StateConflict}) and the one error answer of our API ({@link ApiProblems}: RFC 9457
 * problem details), and what is added to every user task at deployment ({@link EveryUserTask}).
 */
package org.eie.workflows.forms;
