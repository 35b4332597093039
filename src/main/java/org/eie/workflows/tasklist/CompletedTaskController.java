package org.eie.workflows.tasklist;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens next after a task the caller completed ({@link CompletedTasks}): through the API,
 * and under {@code /dashboard} for Tasklist's confirmation, which has the webapps' session.
 */
@RestController
class CompletedTaskController {

  private final CompletedTasks completed;

  CompletedTaskController(CompletedTasks completed) {
    this.completed = completed;
  }

  @GetMapping({"/api/me/completed-tasks/{taskId}", "/dashboard/me/completed-tasks/{taskId}"})
  CompletedTasks.Confirmation confirmation(@PathVariable String taskId,
      @RequestParam(defaultValue = "en") String lang) {
    return completed.of(taskId, lang);
  }
}
