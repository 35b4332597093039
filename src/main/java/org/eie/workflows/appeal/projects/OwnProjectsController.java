package org.eie.workflows.appeal.projects;

import java.util.List;
import org.eie.workflows.forms.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's own projects, with their reference and status ({@link OwnProjects}): through the
 * API, and under {@code /dashboard} for a partner signed into Tasklist (the same session). Another
 * organisation's project, another country's appeal and an unknown id all answer 404 alike.
 */
@RestController
class OwnProjectsController {

  private final OwnProjects projects;

  OwnProjectsController(OwnProjects projects) {
    this.projects = projects;
  }

  @GetMapping({"/api/partners/me/projects", "/dashboard/partners/me/projects"})
  List<OwnProjects.OwnProject> all() {
    return projects.all();
  }

  @GetMapping({"/api/partners/me/projects/{appealId}", "/dashboard/partners/me/projects/{appealId}"})
  List<OwnProjects.OwnProject> inAppeal(@PathVariable String appealId) {
    return projects.inAppeal(appealId).orElseThrow(() -> new NotFound(
        "No appeal " + appealId + " with a project of your organisation"));
  }
}
