package org.eie.workflows.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Seals each country's engine resources by id: a task, process instance, execution, job,
 * external task, incident, historic process instance, job log, external task log or user
 * operation (its annotation) named in the path of a Camunda REST call
 * ({@code /engine-rest/...}, {@code /engine-rest/engine/{name}/...}) or of the webapps' engine API
 * ({@code /camunda/api/engine/engine/{name}/...}) must be visible to the caller, or the call
 * answers 404 exactly as it does for an id that does not exist.
 *
 * <p>Why here and not in the engine: several Camunda 7.24 commands behind those paths check no
 * tenant and no authorization at all (a task's comment and attachment by id, the attachment's
 * file, creating a comment or attachment, deleting an attachment), and the ones that do check
 * refuse another country's id with a message of their own ("... belongs to no authenticated
 * tenant", a 500) where an unknown id gets "... is null" or a 404, which lets ids be probed. Here
 * one engine query, run as the caller, decides before any resource code runs; the engine's tenant
 * check and authorizations make another country's id and an unknown id look the same to that
 * query, so they get the same answer by construction. Nothing of the response is buffered.
 *
 * <p>Writing a task's comments and attachments also needs the right to work on the task (what the
 * engine asks for claiming or completing it); seeing the task is not enough.
 */
final class TenantSeal extends OncePerRequestFilter {

  /** The engine API below the REST API's root or the webapps' engine root; group 3: the rest. */
  static final Pattern ENGINE_API = Pattern.compile(
      "(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))(/.*)");
  /**
   * The open task named in the path, as the caller's own query found it, for the filters behind
   * the seal (TaskFormAnswers): absent if the task is not open or not the caller's to see.
   */
  static final String OPEN_TASK = TenantSeal.class.getName() + ".openTask";
  private static final int MAX_COMMENT_BODY = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final IdentityService identity;

  TenantSeal(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  /** The kinds of resource whose ids are sealed, by their path below the engine's root. */
  private enum Sealed {
    /** An open task is looked up whole ({@link #OPEN_TASK}); a completed one is counted. */
    TASK("task", Set.of("count", "create", "report"), "No matching task with id %s",
        (engine, id) -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(id)
            .count() > 0),
    PROCESS_INSTANCE("process-instance", Set.of("count", "suspended", "suspended-async", "delete",
        "delete-historic-query-based", "job-retries", "job-retries-historic-query-based",
        "variables-async", "message-async"), "Process instance with id %s does not exist",
        (engine, id) -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(id).count() > 0
            || engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(id).count() > 0),
    EXECUTION("execution", Set.of("count"), "Execution with id %s does not exist",
        (engine, id) -> engine.getRuntimeService().createExecutionQuery().executionId(id)
            .count() > 0),
    JOB("job", Set.of("count", "retries", "suspended"), "Job with id %s does not exist",
        (engine, id) -> engine.getManagementService().createJobQuery().jobId(id).count() > 0),
    EXTERNAL_TASK("external-task", Set.of("count", "fetchAndLock", "retries", "retries-async",
        "topic-names"), "External task with id %s does not exist",
        (engine, id) -> engine.getExternalTaskService().createExternalTaskQuery()
            .externalTaskId(id).count() > 0),
    INCIDENT("incident", Set.of("count"), "No matching incident with id %s",
        (engine, id) -> engine.getRuntimeService().createIncidentQuery().incidentId(id)
            .count() > 0),
    HISTORIC_PROCESS_INSTANCE("history/process-instance", Set.of("count", "report", "delete",
        "set-removal-time"), "Historic process instance with id %s does not exist",
        (engine, id) -> engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(id).count() > 0),
    HISTORIC_JOB_LOG("history/job-log", Set.of("count"),
        "Historic job log with id %s does not exist",
        (engine, id) -> engine.getHistoryService().createHistoricJobLogQuery().logId(id)
            .count() > 0),
    HISTORIC_EXTERNAL_TASK_LOG("history/external-task-log", Set.of("count"),
        "Historic external task log with id %s does not exist",
        (engine, id) -> engine.getHistoryService().createHistoricExternalTaskLogQuery().logId(id)
            .count() > 0),
    USER_OPERATION("history/user-operation", Set.of("count"),
        "No user operation log entry with operation id %s",
        (engine, id) -> engine.getHistoryService().createUserOperationLogQuery().operationId(id)
            .count() > 0);

    final List<String> collection;
    final Set<String> notIds;
    final String unknown;
    final BiPredicate<ProcessEngine, String> visible;

    Sealed(String collection, Set<String> notIds, String unknown,
        BiPredicate<ProcessEngine, String> visible) {
      this.collection = List.of(collection.split("/"));
      this.notIds = notIds;
      this.unknown = unknown;
      this.visible = visible;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ENGINE_API.matcher(pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher api = ENGINE_API.matcher(pathOf(request));
    if (!api.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String engineName = api.group(1) != null ? api.group(1) : api.group(2);
    EieUser caller = Callers.of(request, engineName == null ? engine.getName() : engineName)
        .orElse(null);
    if (caller == null || (engineName != null && !engineName.equals(engine.getName()))) {
      // Not logged in (the REST API and the webapps answer that themselves), or an engine that
      // does not exist here.
      chain.doFilter(request, response);
      return;
    }
    List<String> segments = segmentsOf(api.group(3));
    for (Sealed kind : Sealed.values()) {
      int size = kind.collection.size();
      if (segments.size() <= size || !segments.subList(0, size).equals(kind.collection)
          || kind.notIds.contains(segments.get(size))) {
        continue;
      }
      String id = segments.get(size);
      Task open = kind == Sealed.TASK ? asCaller(caller,
          () -> engine.getTaskService().createTaskQuery().taskId(id).singleResult()) : null;
      if (open != null) {
        request.setAttribute(OPEN_TASK, open);
      } else if (kind == Sealed.TASK && !commentOrAttachment(segments)
          || !asCaller(caller, () -> kind.visible.test(engine, id))) {
        // Not the caller's to see, or a task no longer open: a completed task lives on only in
        // its history, which keeps its comments and attachments (only for those is the history
        // asked); anything else of it is gone, as the engine says of the task itself (its
        // variables, for one, the engine would answer with a server error).
        answer(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
            kind.unknown.formatted(id));
        return;
      }
      if (kind == Sealed.TASK && writesCommentOrAttachment(request, segments)) {
        guardTaskWrite(request, response, chain, caller, id, segments);
        return;
      }
      break;
    }
    chain.doFilter(request, response);
  }

  /** {@code POST|PUT|DELETE task/{id}/comment...} or {@code task/{id}/attachment...}. */
  private static boolean writesCommentOrAttachment(HttpServletRequest request,
      List<String> segments) {
    return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
        && commentOrAttachment(segments);
  }

  /** {@code task/{id}/comment...} or {@code task/{id}/attachment...}. */
  private static boolean commentOrAttachment(List<String> segments) {
    return segments.size() >= 3
        && ("comment".equals(segments.get(2)) || "attachment".equals(segments.get(2)));
  }

  /**
   * Comments and attachments are written only by someone who may work on the task now, and a
   * task's new comment belongs to the task's own process instance (the engine would otherwise
   * file it under any process instance id the body names, another country's included).
   */
  private void guardTaskWrite(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, EieUser caller, String taskId, List<String> segments)
      throws IOException, ServletException {
    // The caller sees this task (perhaps only in its history): whether it is still open is no
    // secret to them, so the engine is asked without their authorizations.
    Task task = asSystem(
        () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "The task " + taskId + " is completed: its comments and attachments can no longer change.");
      return;
    }
    try {
      asCaller(caller, () -> checkTaskWork(taskId));
    } catch (AuthorizationException refused) {
      answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          refused.getMessage());
      return;
    }
    if (segments.size() == 4 && "comment".equals(segments.get(2))
        && "create".equals(segments.get(3))) {
      byte[] body = request.getInputStream().readNBytes(MAX_COMMENT_BODY + 1);
      if (body.length > MAX_COMMENT_BODY) {
        answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
            "A comment larger than 1 MiB is refused.");
        return;
      }
      String named = processInstanceIdIn(body);
      if (named != null && !named.equals(task.getProcessInstanceId())) {
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "A task's comment belongs to the task's own process instance: leave out "
                + "processInstanceId or give the task's own.");
        return;
      }
      chain.doFilter(new ReplayedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The engine's own rule for working on a task (claim, complete), run as the caller. */
  private Void checkTaskWork(String taskId) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task != null) {
        for (CommandChecker checker : commandContext.getProcessEngineConfiguration()
            .getCommandCheckers()) {
          checker.checkTaskWork(task);
        }
      }
      return null;
    });
  }

  private static String processInstanceIdIn(byte[] body) {
    try {
      JsonNode named = JSON.readTree(body).path("processInstanceId");
      return named.isTextual() ? named.asText() : null;
    } catch (IOException notJson) {
      return null; // the REST API refuses it with its own 400
    }
  }

  /** Runs an engine call as the caller, whatever the request's engine authentication was. */
  private <T> T asCaller(EieUser caller, Supplier<T> call) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.id(), caller.groups(), caller.tenants());
    try {
      return call.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  private <T> T asSystem(Supplier<T> call) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  /**
   * The path below the context as the container decoded and normalised it to choose the servlet
   * (the REST API's resources see the same segments), not the raw URI, so that an encoded
   * character cannot slip an id past the seal.
   */
  static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  private static List<String> segmentsOf(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** Camunda's error body ({@code type}, {@code message}, {@code code}), as its REST API writes it. */
  static void answer(HttpServletResponse response, int status, String type,
      String message) throws IOException {
    String body = "{\"type\":\"" + type + "\",\"message\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\",\"code\":null}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
