package org.eie.workflows.appeal.projects;

import java.util.ArrayList;
import java.util.List;

/**
 * The id the appeal gives a project, handed to whoever submitted it in the same call: {@link
 * AddPartnerProject} numbers the project inside the engine's command that completes the
 * partner's task (the call activity ends synchronously), on the caller's thread, so the REST API
 * answers with the id the step created instead of looking the project up afterwards. Tasklist's
 * submissions ask for no id: nothing is collected then.
 */
public final class NewProjectIds {

  private static final ThreadLocal<List<String>> COLLECTED = new ThreadLocal<>();

  private NewProjectIds() {
  }

  /**
   * Runs {@code submission} and answers the id of the project it added; fails if it added none
   * (a diagram that made the step asynchronous would, and must not go unnoticed).
   */
  public static String of(Runnable submission) {
    List<String> ids = new ArrayList<>();
    COLLECTED.set(ids);
    try {
      submission.run();
    } finally {
      COLLECTED.remove();
    }
    if (ids.size() != 1) {
      throw new IllegalStateException("The submission added " + ids.size() + " projects");
    }
    return ids.get(0);
  }

  /** Called by the step that numbered a new project. */
  static void added(String id) {
    List<String> ids = COLLECTED.get();
    if (ids != null) {
      ids.add(id);
    }
  }
}
