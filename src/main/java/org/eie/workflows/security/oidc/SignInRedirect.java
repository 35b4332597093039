package org.eie.workflows.security.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Somebody who opens Tasklist, Cockpit or Admin without being signed in is sent to the sign-in
 * page, which offers the providers and, for local accounts, the webapps' own login form
 * (reached with {@code ?local}). Only the apps' pages are redirected, never their scripts or
 * API calls.
 */
final class SignInRedirect extends OncePerRequestFilter {

  private static final Pattern WEBAPP_PAGE =
      Pattern.compile("/|/camunda/?|/camunda/app/?|/camunda/app/[a-z]+/([A-Za-z0-9_-]+/)?");

  private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) && request.getParameter("local") == null
        && WEBAPP_PAGE.matcher(request.getRequestURI()).matches() && !signedIn(request)) {
      requests.saveRequest(request, response);
      response.sendRedirect("/login");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean signedIn(HttpServletRequest request) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser
        && !SignOut.isSigningOut(request)) {
      return true;
    }
    var session = request.getSession(false);
    return session != null && AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(ProcessEngines.NAME_DEFAULT) != null;
  }
}
