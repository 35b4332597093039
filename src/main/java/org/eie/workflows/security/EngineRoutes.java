package org.eie.workflows.security;

import static org.eie.workflows.security.EngineRoutes.Role.COUNTRY_CO_LEAD;
import static org.eie.workflows.security.EngineRoutes.Role.GLOBAL_CO_LEAD;
import static org.eie.workflows.security.EngineRoutes.Role.LANGUAGE_COMMUNITY;
import static org.eie.workflows.security.EngineRoutes.Role.PARTNER;
import static org.eie.workflows.security.EngineRoutes.Role.SECRETARIAT;
import static org.eie.workflows.security.EngineRoutes.Role.WORKING_GROUP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eie.workflows.identity.Groups;

/**
 * The engine API's allow-list: for each role, the routes (method and path template below the
 * engine's root) that Tasklist, Cockpit and our documented API clients need. It applies alike to
 * the REST API ({@code /engine-rest/...}) and to the webapps' engine API
 * ({@code /camunda/api/engine/engine/{name}/...}); every other route answers 403 for everyone but
 * administrators ({@code camunda-admin}), whatever grants the engine holds
 * ({@link EngineRouteWall}). The engine's authorizations and tenant checks still apply beneath:
 * a route on the list is a route a role may call, not data it may see.
 *
 * <p>What is deliberately not on any list: writing variables (task, execution and instance
 * variable routes; process data is written only by completing a task through its form,
 * {@code submit-form}, which the form's recorder reads), completing a task with arbitrary
 * variables ({@code complete}, {@code resolve}), starting with instructions or skip flags
 * ({@code start}: processes start through their start form, {@code submit-form}, or our API),
 * restart, modification, migration, jobs, deployments, identity and authorization writes, and
 * the counts across countries ({@code metrics}, the historic definition statistics, the cleanable
 * report). The role table in docs/access.md is checked against this table by
 * {@code EngineRoutesTest}, and {@code RouteCensusTest} calls every documented engine operation as each role.
 *
 * <p>Why a list of routes and not the engine's variable permissions: with
 * {@code enforceSpecificVariablePermission} on, writing a task's or an instance's variables needs
 * {@code UPDATE_TASK_VARIABLE} / {@code UPDATE_VARIABLE} instead of {@code UPDATE}, but completing
 * a task still writes whatever variables come with it, and the engine cannot tell a form's field
 * from any other variable name; a grant model also stays open by default for every route added by
 * a later engine release. The form's own fields are checked where the form is submitted
 * ({@code forms/OnlyTheFormsFields}); every other way of writing is simply not on a list.
 */
public final class EngineRoutes {

  /** The roles of the access model, as the user's groups give them (several at once is fine). */
  public enum Role {
    COUNTRY_CO_LEAD, GLOBAL_CO_LEAD, SECRETARIAT, PARTNER, LANGUAGE_COMMUNITY,
    /** A country's Humanitarian Coordinator's office: endorses its appeals, in Tasklist only. */
    HUMANITARIAN_COORDINATOR,
    /** The INEE Steering Group and the Standards and Practice working group: Tasklist only. */
    WORKING_GROUP;

    /** The roles the groups give; administrators are not a role here, they pass the wall. */
    public static Set<Role> of(Collection<String> groups) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String group : groups) {
        if (group.startsWith(Groups.coLeadsOf(""))) {
          roles.add(COUNTRY_CO_LEAD);
        } else if (group.startsWith(Groups.partnersOf("")) || group.startsWith("partner-")) {
          roles.add(PARTNER);
        } else if (group.startsWith(Groups.humanitarianCoordinatorOf(""))) {
          roles.add(HUMANITARIAN_COORDINATOR);
        } else if (group.startsWith(Groups.languageCommunity(""))) {
          roles.add(LANGUAGE_COMMUNITY);
        } else if (group.equals(Groups.GLOBAL_CO_LEADS)) {
          roles.add(GLOBAL_CO_LEAD);
        } else if (group.equals(Groups.SECRETARIAT)) {
          roles.add(SECRETARIAT);
        } else if (group.equals(Groups.STEERING_GROUP)
            || group.equals(Groups.STANDARDS_WORKING_GROUP)) {
          roles.add(WORKING_GROUP);
        }
      }
      return roles;
    }
  }

  /** One allowed route: a method and a path template whose {@code {name}} parts are one segment. */
  public record Route(String method, String template, Set<Role> roles) {

    boolean matches(String method, String path) {
      return this.method.equals(method) && pattern(template).matcher(path).matches();
    }
  }

  /** Everyone who works in Tasklist. */
  private static final Set<Role> TASKLIST = EnumSet.allOf(Role.class);
  /** Who starts processes: the co-leads (appeals) and the Secretariat (every process). */
  private static final Set<Role> STARTERS = EnumSet.of(COUNTRY_CO_LEAD, GLOBAL_CO_LEAD,
      SECRETARIAT);
  /** Who follows processes in Cockpit, read-only. */
  private static final Set<Role> COCKPIT = EnumSet.of(COUNTRY_CO_LEAD, GLOBAL_CO_LEAD,
      SECRETARIAT);

  private static final List<Route> ROUTES = new ArrayList<>();

  static {
    // --- Tasklist: the engine list, filters, the task page, forms, claiming, comments -----------
    allow(TASKLIST, "GET /engine", "GET /version",
        "GET /filter", "GET /filter/count", "GET /filter/{id}", "OPTIONS /filter",
        "OPTIONS /filter/{id}", "GET /filter/{id}/list", "POST /filter/{id}/list",
        "GET /filter/{id}/count", "POST /filter/{id}/count",
        "GET /task", "POST /task", "GET /task/count", "POST /task/count", "GET /task/{id}",
        "GET /task/{id}/form", "GET /task/{id}/deployed-form", "GET /task/{id}/rendered-form",
        "GET /task/{id}/form-variables", "GET /task/{id}/variables",
        "GET /task/{id}/variables/{varName}",
        // Completing a task: only through its form. Claiming: the engine checks the four eyes.
        "POST /task/{id}/submit-form", "POST /task/{id}/claim", "POST /task/{id}/unclaim",
        "POST /task/{id}/assignee",
        "GET /task/{id}/identity-links",
        "GET /task/{id}/comment", "GET /task/{id}/comment/{commentId}",
        "POST /task/{id}/comment/create",
        // Files beside a task (a site list, a photo); writing one needs the work permission.
        "GET /task/{id}/attachment", "GET /task/{id}/attachment/{attachmentId}",
        "GET /task/{id}/attachment/{attachmentId}/data", "POST /task/{id}/attachment/create",
        "DELETE /task/{id}/attachment/{attachmentId}",
        // The process a task belongs to (its name and diagram) and what may be started.
        "GET /process-definition", "GET /process-definition/count",
        "GET /process-definition/{id}", "GET /process-definition/{id}/xml",
        "GET /process-definition/key/{key}", "GET /process-definition/key/{key}/xml",
        "GET /process-definition/{id}/startForm", "GET /process-definition/{id}/deployed-start-form",
        "GET /process-definition/{id}/rendered-form", "GET /process-definition/{id}/form-variables",
        "GET /process-definition/key/{key}/startForm",
        "GET /process-definition/key/{key}/deployed-start-form",
        "GET /process-definition/key/{key}/rendered-form",
        "GET /process-definition/key/{key}/form-variables",
        // A task's history tab; who is who.
        "GET /history/user-operation", "GET /history/user-operation/count",
        "GET /history/identity-link-log", "GET /history/identity-link-log/count",
        "GET /user", "GET /user/count", "GET /user/{id}/profile",
        "GET /group", "GET /group/count", "GET /group/{id}", "GET /identity/groups",
        // Whether the caller holds a permission (Tasklist shows or hides actions by it).
        "GET /authorization/check");

    // --- Starting: through the start form only ---------------------------------------------------
    allow(STARTERS, "POST /process-definition/{id}/submit-form",
        "POST /process-definition/key/{key}/submit-form",
        "POST /process-definition/key/{key}/tenant-id/{tenant-id}/submit-form");

    // --- Cockpit, read-only ----------------------------------------------------------------------
    allow(COCKPIT, "GET /process-definition/statistics", "GET /process-definition/{id}/statistics",
        "GET /process-definition/key/{key}/statistics",
        "GET /process-definition/{id}/static-called-process-definitions",
        "GET /process-definition/{id}/diagram", "GET /process-definition/key/{key}/diagram",
        "GET /process-instance", "POST /process-instance", "GET /process-instance/count",
        "POST /process-instance/count", "GET /process-instance/{id}",
        "GET /process-instance/{id}/activity-instances", "GET /process-instance/{id}/variables",
        "GET /process-instance/{id}/variables/{varName}", "GET /process-instance/{id}/comment",
        "GET /execution", "POST /execution", "GET /execution/count", "POST /execution/count",
        "GET /execution/{id}", "GET /execution/{id}/localVariables",
        "GET /variable-instance", "POST /variable-instance", "GET /variable-instance/count",
        "POST /variable-instance/count", "GET /variable-instance/{id}",
        "GET /variable-instance/{id}/data",
        "GET /incident", "GET /incident/count", "GET /incident/{id}",
        "GET /job", "POST /job", "GET /job/count", "POST /job/count", "GET /job/{id}",
        "GET /job/{id}/stacktrace",
        "GET /job-definition", "POST /job-definition", "GET /job-definition/count",
        "POST /job-definition/count", "GET /job-definition/{id}",
        "GET /external-task", "POST /external-task", "GET /external-task/count",
        "POST /external-task/count", "GET /external-task/{id}",
        "GET /decision-definition", "GET /decision-definition/count",
        "GET /decision-definition/{id}", "GET /decision-definition/{id}/xml",
        "GET /decision-definition/key/{key}", "GET /decision-definition/key/{key}/xml",
        "GET /decision-requirements-definition", "GET /decision-requirements-definition/count",
        "GET /decision-requirements-definition/{id}",
        "GET /decision-requirements-definition/{id}/xml",
        // Cockpit's dashboard counts case definitions (CMMN is not used: always 0).
        "GET /case-definition", "GET /case-definition/count",
        "GET /deployment", "GET /deployment/count", "GET /deployment/{id}",
        "GET /deployment/{id}/resources", "GET /deployment/{id}/resources/{resourceId}",
        "GET /deployment/{id}/resources/{resourceId}/data",
        "GET /history/process-instance", "POST /history/process-instance",
        "GET /history/process-instance/count", "POST /history/process-instance/count",
        "GET /history/process-instance/{id}",
        "GET /history/activity-instance", "POST /history/activity-instance",
        "GET /history/activity-instance/count", "POST /history/activity-instance/count",
        "GET /history/activity-instance/{id}",
        "GET /history/variable-instance", "POST /history/variable-instance",
        "GET /history/variable-instance/count", "POST /history/variable-instance/count",
        "GET /history/variable-instance/{id}", "GET /history/variable-instance/{id}/data",
        "GET /history/task", "POST /history/task", "GET /history/task/count",
        "POST /history/task/count",
        "GET /history/incident", "GET /history/incident/count",
        "GET /history/job-log", "POST /history/job-log", "GET /history/job-log/count",
        "POST /history/job-log/count", "GET /history/job-log/{id}",
        "GET /history/job-log/{id}/stacktrace",
        "GET /history/detail", "POST /history/detail", "GET /history/detail/count",
        "GET /history/detail/{id}",
        "GET /history/decision-instance", "GET /history/decision-instance/count",
        "GET /history/decision-instance/{id}",
        "GET /history/external-task-log", "POST /history/external-task-log",
        "GET /history/external-task-log/count", "POST /history/external-task-log/count",
        "GET /history/external-task-log/{id}",
        "GET /history/task/{id}/comment"); // not in every release's OpenAPI; harmless if absent
  }

  /**
   * What administrators may do only with a reason: changing the path of running or finished
   * instances. The body's {@code annotation} is required; the engine keeps it on its operation
   * log with the administrator's name (Cockpit's history shows both).
   */
  private static final List<Route> EXPLAINED = List.of(
      route("POST /process-instance/{id}/modification"),
      route("POST /process-instance/{id}/modification-async"),
      route("POST /modification/execute"), route("POST /modification/executeAsync"),
      route("POST /migration/execute"), route("POST /migration/executeAsync"),
      route("POST /process-definition/{id}/restart"),
      route("POST /process-definition/{id}/restart-async"));

  private EngineRoutes() {
  }

  private static Route route(String route) {
    String[] parts = route.split(" ", 2);
    return new Route(parts[0], parts[1], Set.of());
  }

  /** Whether an administrator's call must say why ({@code annotation}). */
  public static boolean needsAReason(String method, String path) {
    return EXPLAINED.stream().anyMatch(route -> route.matches(method, path));
  }

  private static void allow(Set<Role> roles, String... routes) {
    for (String route : routes) {
      Route unbound = route(route);
      ROUTES.add(new Route(unbound.method(), unbound.template(), Set.copyOf(roles)));
    }
  }

  /** Every route on the list, in the order written above. */
  public static List<Route> all() {
    return List.copyOf(ROUTES);
  }

  /**
   * Whether one of the roles may call {@code method path}, the path taken below the engine's
   * root ({@code /task/abc/claim}) without a trailing slash.
   */
  public static boolean allows(Set<Role> roles, String method, String path) {
    return BY_METHOD.getOrDefault(method, List.of()).stream().anyMatch(route ->
        route.roles.stream().anyMatch(roles::contains) && route.matches(method, path));
  }

  /** The list by method, so that a call is matched only against its own method's routes. */
  private static final Map<String, List<Route>> BY_METHOD = ROUTES.stream()
      .collect(Collectors.groupingBy(Route::method));

  /**
   * The engine API's own words that stand where another route has an id ({@code /task/count}
   * beside {@code /task/{id}}): the engine picks the word, so an id never matches one. Checked
   * against Camunda's OpenAPI description by {@code EngineRoutesTest}.
   */
  static final Set<String> ENGINE_WORDS = Set.of("check", "cleanable-batch-report",
      "cleanable-process-instance-report", "cleanable-decision-instance-report", "count", "create",
      "delete", "delete-historic-query-based", "deployed-start-form", "diagram", "evaluate",
      "fetchAndLock", "form-variables", "history-time-to-live", "job-retries",
      "job-retries-historic-query-based", "key", "message-async", "registered", "rendered-form",
      "report", "restart", "restart-async", "retries", "retries-async", "set-removal-time",
      "start", "startForm", "static-called-process-definitions", "statistics", "submit-form",
      "suspended", "suspended-async", "topic-names", "variables-async", "xml");

  private static final String ID = "(?!(?:" + String.join("|", ENGINE_WORDS) + ")(?:/|$))[^/]+";
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private static Pattern pattern(String template) {
    return PATTERNS.computeIfAbsent(template, t -> Pattern.compile(
        Arrays.stream(t.split("/", -1))
            .map(segment -> segment.startsWith("{") ? ID : Pattern.quote(segment))
            .collect(Collectors.joining("/"))));
  }
}
