package org.eie.workflows.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** The engine list: {@code /engine-rest/engine} and the webapps' {@code /camunda/api/engine/engine}. */
  private static final Pattern ENGINE_LIST =
      Pattern.compile("(/engine-rest|/camunda/api/engine)/engine/?");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = TenantSeal.pathOf(request);
    return !TenantSeal.ENGINE_API.matcher(path).matches() && !ENGINE_LIST.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = routeOf(TenantSeal.pathOf(request));
    String method = request.getMethod();
    Optional<EieUser> caller = Callers.of(request);
    if ("/engine".equals(path)) {
      chain.doFilter(request, response); // the engine list answers everyone
    } else if (caller.isEmpty()) {
      TenantSeal.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "Log in first");
    } else if (caller.get().isAdmin()) {
      passWithAReasonIfNeeded(request, response, chain, method, path);
    } else if (EngineRoutes.allows(EngineRoutes.Role.of(caller.get().groups()), method, path)) {
      chain.doFilter(request, response);
    } else {
      LOG.info("Refused {} {}: not on the allow-list of groups {}", method, path,
          caller.get().groups());
      TenantSeal.answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          method + " " + path + " is not open to your role");
    }
  }

  /** An administrator's call; one that changes a process's path must carry its annotation. */
  private static void passWithAReasonIfNeeded(HttpServletRequest request,
      HttpServletResponse response, FilterChain chain, String method, String path)
      throws ServletException, IOException {
    if (!EngineRoutes.needsAReason(method, path)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      TenantSeal.answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "InvalidRequestException", "The body is larger than 1 MB");
    } else if (!hasAnnotation(body)) {
      TenantSeal.answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "annotation: say why; it is kept on the engine's operation log with your name");
    } else {
      chain.doFilter(new ReplayedBody(request, body), response);
    }
  }

  private static boolean hasAnnotation(byte[] body) {
    try {
      return !JSON.readTree(body).path("annotation").asText("").isBlank();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }


  /**
   * The route below the engine's root: {@code /engine-rest/engine/default/task/x} and
   * {@code /camunda/api/engine/engine/default/task/x/} are both {@code /task/x}; the engine list
   * is {@code /engine}.
   */
  static String routeOf(String path) {
    if (ENGINE_LIST.matcher(path).matches()) {
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
