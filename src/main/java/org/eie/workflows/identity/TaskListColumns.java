package org.eie.workflows.identity;

/**
 * The process variables the Tasklist filters show under each task: the country's name and the
 * emergency. The filters are made here ({@link AccessModel}); the task headings
 * (tasklist/TaskHeadings) keep the values on every process instance.
 */
public final class TaskListColumns {

  public static final String COUNTRY = "countryName";
  public static final String EMERGENCY = "emergency";

  private TaskListColumns() {
  }
}
