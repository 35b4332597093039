package org.eie.workflows.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.eie.workflows.identity.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outer wall of the engine API, deny by default: a call to the REST API or to the webapps'
 * engine API passes only if the caller is an administrator or one of their roles has the route on
 * {@link EngineRoutes}' list; otherwise 403 in the engine API's error shape (401 if nobody is
 * logged in), before any engine code runs. The engine's authorizations and tenant checks stay
 * underneath ({@link TenantSeal} and the engine itself).
 */
final class EngineRouteWall extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRouteWall.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1 << 20;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TenantSeal.ENGINE_API.matcher(TenantSeal.pathOf(request)).matches()
        && !isEngineList(TenantSeal.pathOf(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = routeOf(TenantSeal.pathOf(request));
    Optional<List<String>> groups = Callers.groupsOf(request);
    if (groups.isEmpty() && !"/engine".equals(path)) {
      TenantSeal.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "Log in first");
      return;
    }
    List<String> callerGroups = groups.orElse(List.of());
    if (callerGroups.contains(Groups.ADMINS)
        && EngineRoutes.needsAReason(request.getMethod(), path)) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY);
      if (!hasAnnotation(body)) {
        TenantSeal.answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
            "annotation: say why; it is kept on the engine's operation log with your name");
        return;
      }
      chain.doFilter(new ReplayedBody(request, body), response);
      return;
    }
    if (callerGroups.contains(Groups.ADMINS) || "/engine".equals(path)
        || EngineRoutes.allows(EngineRoutes.Role.of(callerGroups), request.getMethod(), path)) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info("Refused {} {}: not on the allow-list of groups {}", request.getMethod(), path,
        callerGroups);
    TenantSeal.answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
        request.getMethod() + " " + path + " is not open to your role");
  }

  private static boolean hasAnnotation(byte[] body) {
    try {
      return !JSON.readTree(body).path("annotation").asText("").isBlank();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The engine list: {@code /engine-rest/engine} and the webapps' {@code /camunda/api/engine/engine}. */
  private static boolean isEngineList(String path) {
    return path.matches("(/engine-rest|/camunda/api/engine)/engine/?");
  }

  /**
   * The route below the engine's root: {@code /engine-rest/engine/default/task/x} and
   * {@code /camunda/api/engine/engine/default/task/x/} are both {@code /task/x}; the engine list
   * is {@code /engine}.
   */
  static String routeOf(String path) {
    if (isEngineList(path)) {
      return "/engine";
    }
    Matcher api = TenantSeal.ENGINE_API.matcher(path);
    if (!api.matches()) {
      return path;
    }
    String route = api.group(3);
    while (route.length() > 1 && route.endsWith("/")) {
      route = route.substring(0, route.length() - 1);
    }
    return route;
  }
}
