package org.eie.workflows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eie.workflows.security.LoginThrottle.Route;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * In front of each of the three places a password is checked: HTTP Basic (the REST APIs and the
 * actuator; placed before Spring's Basic filter), the dashboard's login form (before Spring's form
 * login, after its CSRF check) and the webapps' login (Camunda's own resource). A login from a
 * source that must still wait ({@link LoginThrottle}) is answered 429 with {@code Retry-After}
 * before any password is checked; otherwise the outcome is recorded. The source is the servlet's
 * remote address: behind a reverse proxy, Spring's forwarded-header handling must make it the
 * client's (docs/access.md, "Logins").
 */
class ThrottledLogins extends OncePerRequestFilter {

  private static final RequestMatcher DASHBOARD_LOGIN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/dashboard/login");
  /** Camunda's {@code UserAuthenticationResource#doLogin}, as liberally as Jersey matches it. */
  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final int MAX_LOGIN_FORM = 16 * 1024;
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private final LoginThrottle throttle;
  private final Route route;
  private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

  private ThrottledLogins(LoginThrottle throttle, Route route) {
    this.throttle = throttle;
    this.route = route;
  }

  /** For a chain that authenticates with HTTP Basic: every request with Basic credentials. */
  static ThrottledLogins basic(LoginThrottle throttle) {
    return new ThrottledLogins(throttle, Route.HTTP_BASIC);
  }

  /** For the dashboard's chain: its login form. */
  static ThrottledLogins dashboard(LoginThrottle throttle) {
    return new ThrottledLogins(throttle, Route.DASHBOARD);
  }

  /** For the chain of the webapps: Camunda's login resource. */
  static ThrottledLogins webapps(LoginThrottle throttle) {
    return new ThrottledLogins(throttle, Route.WEBAPPS);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return switch (route) {
      case HTTP_BASIC -> {
        String header = request.getHeader("Authorization");
        yield header == null || !header.trim().regionMatches(true, 0, "Basic", 0, 5);
      }
      case DASHBOARD -> !DASHBOARD_LOGIN.matches(request);
      case WEBAPPS -> !"POST".equals(request.getMethod())
          || !WEBAPP_LOGIN.matcher(PATHS.getPathWithinApplication(request)).matches();
    };
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    switch (route) {
      case HTTP_BASIC -> throttled(basicUser(request), request, response, chain);
      case DASHBOARD -> throttled(request.getParameter("username"), request, response, chain);
      case WEBAPPS -> {
        // Read here and handed on, so that Jersey still finds the form in the body.
        byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
        if (form.length > MAX_LOGIN_FORM) {
          response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
          return;
        }
        throttled(formField(form, "username"), new ReplayedBody(request, form), response, chain);
      }
    }
  }

  private void throttled(String user, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBefore(address, user);
    if (!wait.isZero()) {
      throttle.throttled(route);
      tooManyRequests(response, wait);
      return;
    }
    chain.doFilter(request, response);
    // Success only where it is certain: Spring authenticated this very user, or Camunda's login
    // answered 200. A wrong password answers 401 (Basic, webapps) or is not authenticated (form).
    boolean succeeded = route == Route.WEBAPPS
        ? response.getStatus() == HttpServletResponse.SC_OK
        : authenticatedAs(user);
    boolean failed = route == Route.DASHBOARD
        ? !succeeded
        : response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
    if (succeeded) {
      throttle.succeeded(address, user);
    } else if (failed) {
      throttle.failed(route, address, user);
    }
  }

  private String basicUser(HttpServletRequest request) {
    try {
      var credentials = basic.convert(request);
      return credentials == null ? null : credentials.getName();
    } catch (BadCredentialsException unreadable) {
      return null; // Spring refuses them too: a failure of the source
    }
  }

  private static boolean authenticatedAs(String user) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return user != null && authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof EieUser eieUser && eieUser.id().equals(user);
  }

  private static String formField(byte[] form, String name) {
    for (String field : new String(form, StandardCharsets.UTF_8).split("&")) {
      int equals = field.indexOf('=');
      if (equals > 0) {
        try {
          if (name.equals(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8))) {
            return URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8);
          }
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
    }
    return null;
  }

  private static void tooManyRequests(HttpServletResponse response, Duration wait)
      throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"TooManyLoginAttempts\",\"message\":\"Too many failed"
        + " logins from this address: try again in " + seconds + " s\"}");
  }
}
