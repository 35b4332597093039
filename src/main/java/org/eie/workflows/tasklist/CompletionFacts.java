package org.eie.workflows.tasklist;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * What the confirmation after a completed task names besides what happens next, for a process
 * feature's own tasks: for a partner's submission, the project's reference and its appeal
 * ({@code project}, {@code appeal}). A process feature implements it as a Spring bean.
 */
public interface CompletionFacts {

  /** The process definition keys whose completed tasks this describes. */
  Set<String> processKeys();

  /**
   * Named values about the task the user just completed; empty when there is nothing to add.
   * Called as that user, who completed the task.
   */
  Map<String, String> of(HistoricTaskInstance task, String userId);
}
