package org.eie.workflows.security.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's, Cockpit's and Admin's "Log out" only ends the webapps' own login (an XHR), and
 * the provider's sign-in would log the user straight back in. So when a provider's user logs
 * out there, the session is marked as signing out (the provider's sign-in no longer counts for
 * the webapps) and the page, told so by a response header the webapps' {@code eie/sign-out} script reads, posts to
 * {@code /logout}, which ends the session here and at the provider.
 */
final class SignOut extends OncePerRequestFilter {

  private static final String SIGNING_OUT = SignOut.class.getName() + ".signingOut";
  /** Tells the webapps' script where to finish: only provider users get it. */
  static final String SIGN_OUT_HEADER = "X-EiE-Sign-Out";
  private static final Pattern WEBAPP_LOGOUT =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");

  static boolean isSigningOut(HttpServletRequest request) {
    var session = request.getSession(false);
    return session != null && session.getAttribute(SIGNING_OUT) != null;
  }

  static void signedIn(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SIGNING_OUT);
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if ("POST".equals(request.getMethod())
        && WEBAPP_LOGOUT.matcher(request.getRequestURI()).matches()
        && authentication != null && authentication.getPrincipal() instanceof SignedInUser) {
      request.getSession().setAttribute(SIGNING_OUT, Boolean.TRUE);
      response.setHeader(SIGN_OUT_HEADER, "/logout");
    }
    chain.doFilter(request, response);
  }
}
