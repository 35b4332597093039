package org.eie.workflows.identity;

/**
 * The process variables the Tasklist filters show under each task: the country's name and the
 * emergency. The filters are made here ({@link AccessModel}); the task headings
 * (tasklist/TaskHeadings) keep the values on every process instance.
 */
public final class TaskListColumns {

  public static final String COUNTRY = "countryName";
  public static final String EMERGENCY = "emergency";

  /**
   * A filter's property naming its words in {@code tasklist/messages*.properties}
   * ({@code <wording>.name}, {@code <wording>.description}), which each person reads in their
   * language (tasklist/TaskListWording); the filter's own name and description are English.
   */
  public static final String FILTER_WORDING = "wording";
  /** A country's filter's property: the country's name, for its words' {@code {country}}. */
  public static final String FILTER_COUNTRY = "country";

  private TaskListColumns() {
  }
}
