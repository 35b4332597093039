package org.eie.workflows.security;

import org.eie.workflows.forms.Forbidden;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task queries and filters that carry an expression ({@code ${...}} or {@code #{...}})
 * unless the caller is an administrator.
 *
 * <p>Camunda 7.24 Community Edition evaluates the JUEL expressions of stored task queries
 * (filters) with full expression power, and a filter's "extending query" sent with each
 * {@code /filter/{id}/list} call counts as stored. Only administrators may create filters
 * (authorizations), and this guard keeps everyone else from smuggling an expression into a task
 * or filter request, in the REST API and in the webapps' own engine API alike. The administrator's
 * ready-made filters ("Assigned to me" uses {@code ${currentUser()}}) keep working, because their
 * expressions are stored, not sent.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

  /** Task queries and filter calls, in /engine-rest and in the webapps' /camunda/api/engine. */
  private static final Pattern GUARDED_PATH =
      Pattern.compile(".*/(task|task/count|filter|filter/.*)$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final int MAX_BODY = 1 << 20;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !GUARDED_PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (Callers.isAdmin(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    String query = request.getQueryString() == null ? ""
        : URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8);
    if (body.length > MAX_BODY) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "A task query or filter larger than 1 MiB is refused.");
    } else if (EXPRESSION.matcher(query).find()
        || EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN,
          "Expressions (${...} or #{...}) in task queries and filters are reserved to administrators.");
    } else {
      chain.doFilter(new ReplayedBody(request, body), response);
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"" + message + "\"}");
  }
}
