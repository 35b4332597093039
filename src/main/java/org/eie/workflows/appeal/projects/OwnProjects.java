package org.eie.workflows.appeal.projects;

import static org.eie.workflows.Processes.APPEAL;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.eie.workflows.appeal.PartnerProject;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.PrivilegedRead;
import org.eie.workflows.appeal.ProjectStatus;
import org.eie.workflows.forms.Forbidden;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * A partner organisation's own projects across the appeals of its countries, with their
 * reference and status: what its users submitted, never another organisation's. Partners may
 * not read the appeals (their projects sit among the others' in {@code projects}), so this reads
 * past the engine's checks and keeps only the projects whose submitting organisation is one the
 * caller belongs to, in the countries where the caller is a partner.
 */
@Component
class OwnProjects {

  /** One of the caller's organisation's projects, as the partner sees it. */
  record OwnProject(String reference, String appealId, String appeal, String title,
      String organisation, ProjectStatus status, int revision, String submittedBy,
      String submittedAt) {

    static OwnProject of(HistoricProcessInstance appeal, PartnerProject project) {
      return new OwnProject(project.id(), appeal.getId(), appeal.getBusinessKey(),
          project.title(), project.partner(), project.status(), project.revision(),
          project.submittedBy(), project.submittedAt());
    }
  }

  private final ProcessEngine engine;
  private final CurrentUser user;

  OwnProjects(ProcessEngine engine, CurrentUser user) {
    this.engine = engine;
    this.user = user;
  }

  /** Every project of the caller's organisations, newest first; 403 for a non-partner. */
  List<OwnProject> all() {
    return read(null);
  }

  /**
   * The caller's organisation's projects in one appeal; empty (the caller answers 404) for an
   * appeal of another country or an unknown id alike.
   */
  Optional<List<OwnProject>> inAppeal(String appealId) {
    List<OwnProject> own = read(appealId);
    return own.isEmpty() ? Optional.empty() : Optional.of(own);
  }

  /**
   * The project this user submitted last into the appeal: the one a submission they just
   * completed recorded (a partner submits one project per task).
   */
  Optional<OwnProject> lastSubmittedBy(String userId, String appealId) {
    return read(appealId).stream().filter(p -> userId.equals(p.submittedBy())).findFirst();
  }

  private List<OwnProject> read(String appealId) {
    List<String> groups = user.groups();
    Set<String> countries = partnerCountries(groups);
    if (countries.isEmpty()) {
      throw new Forbidden("Only the users of a partner organisation have projects of their own");
    }
    return PrivilegedRead.of(engine, command -> {
      HistoryService history = engine.getHistoryService();
      var appeals = history.createHistoricProcessInstanceQuery().processDefinitionKey(APPEAL)
          .tenantIdIn(countries.toArray(String[]::new));
      if (appealId != null) {
        appeals.processInstanceId(appealId);
      }
      List<OwnProject> own = new ArrayList<>();
      List<HistoricProcessInstance> found = appeals.list();
      Map<String, StoredVariables> stored = StoredVariables.of(history,
          found.stream().map(HistoricProcessInstance::getId).toList(), PROJECTS);
      for (HistoricProcessInstance appeal : found) {
        PartnerProjects all = stored.get(appeal.getId())
            .json(PROJECTS, JsonVariables.as(PartnerProjects.class));
        if (all == null) {
          continue;
        }
        all.projects().stream()
            .filter(p -> p.partnerOrganisationId() != null
                && groups.contains(p.partnerOrganisationId()))
            .forEach(p -> own.add(OwnProject.of(appeal, p)));
      }
      own.sort(Comparator.comparing(OwnProject::submittedAt,
          Comparator.nullsLast(Comparator.reverseOrder())));
      return own;
    });
  }

  /** The countries where the holder of these groups is a partner ({@code partners-XX}). */
  static Set<String> partnerCountries(Collection<String> groups) {
    Set<String> countries = new TreeSet<>();
    String prefix = org.eie.workflows.identity.Groups.partnersOf("");
    groups.stream().filter(g -> g.startsWith(prefix) && g.length() > prefix.length())
        .forEach(g -> countries.add(g.substring(prefix.length())));
    return countries;
  }

}
