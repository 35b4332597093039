package org.eie.workflows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the engine for the length of the request, so that the
 * engine's authorization and tenant checks apply to every REST call and every service call our
 * controllers make.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    var caller = authentication == null ? java.util.Optional.<EieUser>empty()
        : EieUser.of(authentication.getPrincipal());
    if (caller.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    var user = caller.get();
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
