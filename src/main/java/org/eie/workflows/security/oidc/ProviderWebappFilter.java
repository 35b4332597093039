package org.eie.workflows.security.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's container-based authentication for users a provider signed in, and only for them:
 * Camunda's own filter answers 401 to every request it cannot authenticate, which would shut
 * out the local accounts (the demo users, the break-glass administrator) that log in with
 * Tasklist's form. Those requests pass untouched to the webapps' session login.
 */
class ProviderWebappFilter extends ContainerBasedAuthenticationFilter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser
        && !SignOut.isSigningOut((HttpServletRequest) request)) {
      super.doFilter(request, response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }
}
