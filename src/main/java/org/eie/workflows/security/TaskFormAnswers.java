package org.eie.workflows.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.eie.workflows.forms.FormTranslations;
import org.eie.workflows.forms.TaskForms;
import org.eie.workflows.forms.TaskForms.TaskForm;
import org.eie.workflows.language.Languages;
import org.eie.workflows.operations.EngineRestJson;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Tasklist asks each time a task is opened, answered from the task's form
 * ({@link TaskForms}), the last step before the engine:
 *
 * <ul>
 *   <li>{@code GET task/{id}/deployed-form}: the deployed form, read once per node, with a
 *       validator ({@code ETag}: the form definition, the reader's language and the
 *       translations' {@link FormTranslations#fingerprint()}) that the browser sends back
 *       ({@code no-cache}: always asked, answered {@code 304} while unchanged). The language
 *       filter ({@link AnswersInTheirLanguage}) around it translates it as before.
 *   <li>{@code GET task/{id}/form-variables}: without {@code variableNames}, only the variables
 *       the form reads ({@link TaskForm#variableNames()}), not every variable of the process; a
 *       caller who names variables gets those. Read by the engine's own command, in the REST
 *       API's shape.
 * </ul>
 *
 * <p>The tenant seal ({@link TenantSeal}) has already found the task open, as the caller: that is
 * the engine's own rule for both reads (READ on the task or READ_TASK on its process, in the
 * caller's tenants; for variables too, as long as {@code enforceSpecificVariablePermission} is
 * off), so the engine is not asked to check it a second time. A task the seal did not find open, a
 * form this does not resolve, a query it does not read the way the REST API does, or an engine
 * error goes to the engine unchanged, so every refusal stays the engine's.
 */
final class TaskFormAnswers extends OncePerRequestFilter {

  private static final Pattern ROUTE =
      Pattern.compile("/task/[^/]+/(deployed-form|form-variables)");
  private static final String VARIABLE_NAMES = "variableNames";
  private static final String DESERIALIZE = "deserializeValues";

  private final TaskForms forms;
  private final String translations;
  private final CommandExecutor commands;
  /** Whether seeing a task is also the right to read its variables (the engine's default). */
  private final boolean variablesReadWithTheTask;

  TaskFormAnswers(TaskForms forms, FormTranslations translations, ProcessEngine engine) {
    this.forms = forms;
    this.translations = translations.fingerprint();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    this.variablesReadWithTheTask = !configuration.isEnforceSpecificVariablePermission();
  }

  /** Only reads of a task the seal found open. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !(request.getAttribute(TenantSeal.OPEN_TASK) instanceof Task);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher route = ROUTE.matcher(EngineRouteWall.routeOf(TenantSeal.pathOf(request)));
    Task task = (Task) request.getAttribute(TenantSeal.OPEN_TASK);
    Optional<TaskForm> form = route.matches() ? forms.of(task) : Optional.empty();
    if (form.isEmpty()) {
      chain.doFilter(request, response);
    } else if ("deployed-form".equals(route.group(1))) {
      answerForm(form.get(), request, response);
    } else if (!answerVariables(task, form.get(), request, response)) {
      chain.doFilter(request, response);
    }
  }

  private void answerForm(TaskForm form, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Object language = request.getAttribute(AnswersInTheirLanguage.LANGUAGE);
    String tag = "\"" + form.id() + "/" + (language == null ? Languages.ENGLISH : language) + "/"
        + translations + "\"";
    response.setHeader("ETag", tag);
    response.setHeader("Cache-Control", "private, no-cache");
    response.setHeader("Vary", AnswersInTheirLanguage.VARY);
    if (tag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    write(response, form.json());
  }

  /** Whether it answered: the REST API's {@code form-variables}, by the engine's own command. */
  private boolean answerVariables(Task task, TaskForm form, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    String names = request.getParameter(VARIABLE_NAMES);
    String deserialize = request.getParameter(DESERIALIZE);
    if (!variablesReadWithTheTask
        || (deserialize != null && !deserialize.equals("true") && !deserialize.equals("false"))) {
      return false;
    }
    List<String> read = names == null ? List.copyOf(form.variableNames())
        : Arrays.asList(names.split(","));
    VariableMap variables;
    try {
      variables = commands.execute(context -> context.runWithoutAuthorization(
          new GetTaskFormVariablesCmd(task.getId(), read, !"false".equals(deserialize))));
    } catch (ProcessEngineException engineError) {
      return false; // completed meanwhile, or a value that does not read: the engine answers
    }
    // The REST API's own mapper, asked at use: it is made once the REST API has its date format.
    ObjectMapper json = new EngineRestJson.SharedMapper().getContext(VariableValueDto.class);
    write(response, json.writeValueAsBytes(VariableValueDto.fromMap(variables)));
    return true;
  }

  private static void write(HttpServletResponse response, byte[] body) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
