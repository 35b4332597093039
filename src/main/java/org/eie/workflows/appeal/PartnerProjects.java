package org.eie.workflows.appeal;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.eie.workflows.variables.JsonVariables;
import java.util.List;
import java.util.Optional;

/** All partner projects of one appeal: the process variable {@code projects}. */
public record PartnerProjects(List<PartnerProject> projects) {

  public static final PartnerProjects NONE = new PartnerProjects(List.of());

  public PartnerProjects {
    projects = projects == null ? List.of() : List.copyOf(projects);
  }

  /** The appeal's projects ({@code projects}): none before the first project is recorded. */
  public static PartnerProjects of(VariableScope appeal) {
    PartnerProjects projects = JsonVariables.read(appeal, AppealVariables.PROJECTS,
        PartnerProjects.class);
    return projects == null ? NONE : projects;
  }

  public String nextId(String country) {
    return "%s-EDU-%03d".formatted(country, projects.size() + 1);
  }

  public PartnerProjects with(PartnerProject project) {
    List<PartnerProject> all = new ArrayList<>();
    boolean replaced = false;
    for (PartnerProject existing : projects) {
      if (existing.id().equals(project.id())) {
        all.add(project);
        replaced = true;
      } else {
        all.add(existing);
      }
    }
    if (!replaced) {
      all.add(project);
    }
    return new PartnerProjects(all);
  }

  public Optional<PartnerProject> find(String id) {
    return projects.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public PartnerProject get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No project " + id));
  }

  public List<PartnerProject> withStatus(ProjectStatus status) {
    return projects.stream().filter(p -> p.status() == status).toList();
  }
}
