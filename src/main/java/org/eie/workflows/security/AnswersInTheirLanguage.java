package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eie.workflows.language.Languages;
import org.eie.workflows.language.PersonalLanguage;
import org.eie.workflows.tasklist.TaskListWording;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine API's answers about tasks, filters and processes in the caller's language (their
 * choice, else their browser's, else English): Tasklist shows the task name, filter name and
 * process name the engine answers with, and the engine keeps them in English
 * ({@link TaskListWording} says what changes). Only the reading routes Tasklist uses for its
 * lists, a task's page and "Start process"; an English reader's answer, and any other, passes
 * untouched and unbuffered. It runs behind the wall ({@link EngineRouteWall}) and the seal
 * ({@link TenantSeal}), on what the caller may already read.
 */
final class AnswersInTheirLanguage extends OncePerRequestFilter {

  /** Tasks, a task, a filter's tasks; the filters and a filter; the processes and a process. */
  private static final Pattern READING = Pattern.compile(
      "/task(/[^/]+)?|/filter/[^/]+/(list|singleResult)|/filter(/[^/]+)?"
          + "|/process-definition(/[^/]+)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PersonalLanguage languages;
  private final TaskListWording wording;

  AnswersInTheirLanguage(PersonalLanguage languages, TaskListWording wording) {
    this.languages = languages;
    this.wording = wording;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = TenantSeal.pathOf(request);
    if (!TenantSeal.ENGINE_API.matcher(path).matches()) {
      return true;
    }
    String method = request.getMethod();
    String route = EngineRouteWall.routeOf(path);
    boolean reads = "GET".equals(method)
        || ("POST".equals(method) && (route.equals("/task") || route.endsWith("/list")
            || route.endsWith("/singleResult")));
    return !reads || !READING.matcher(route).matches() || route.equals("/task/count");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String language = languages.forReader(Callers.of(request).map(EieUser::id).orElse(null),
        request.getHeader("Accept-Language"));
    if (Languages.ENGLISH.equals(language)) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    String type = buffered.getContentType();
    if (buffered.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")
        && body.length > 0) {
      JsonNode answer;
      try {
        answer = JSON.readTree(body);
      } catch (IOException notJson) {
        answer = null;
      }
      if (answer != null && wording.translate(answer, language)) {
        byte[] translated = JSON.writeValueAsBytes(answer);
        buffered.resetBuffer();
        buffered.getOutputStream().write(translated);
      }
    }
    buffered.copyBodyToResponse();
  }
}
