package org.eie.workflows.tasklist;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a process's tasks are about, in words a user recognises: named values that the wording
 * in {@code tasklist/messages.properties} puts into a task's name and description
 * ({@code {country}}, {@code {emergency}}, {@code {project}}...). A process feature implements it
 * as a Spring bean for its own process keys.
 */
public interface TaskContext {

  /** The country's code; its name is shown in the task and as a column in the task list. */
  String COUNTRY = "country";
  /** The emergency ("Explosion"), shown as a column in the task list. */
  String EMERGENCY = "emergency";

  /** The process definition keys whose tasks this context describes. */
  Set<String> processKeys();

  /** The named values for this task; missing values read as empty. */
  Map<String, String> of(DelegateTask task);

  /**
   * The values whose words differ by language ("onset 5 Dec" or "inicio 5 dic"), in
   * {@code language}, to put in place of those {@link #of} gave (which are English); most
   * values (names, codes) are the same in every language.
   */
  default Map<String, String> inLanguage(DelegateTask task, String language) {
    return Map.of();
  }
}
