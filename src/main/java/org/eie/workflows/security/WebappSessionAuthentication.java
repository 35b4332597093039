package org.eie.workflows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user already logged into Tasklist, Cockpit or Admin opens the dashboard without a second
 * login: the webapps keep their login in the same HTTP session, with the user's groups and
 * tenants as the engine knows them, and this request is authenticated as that user. Nothing is
 * written to the session; logging out of either logs out of both (one session).
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var current = SecurityContextHolder.getContext().getAuthentication();
    if (current == null || current instanceof AnonymousAuthenticationToken) {
      Callers.webappLogin(request, ProcessEngines.NAME_DEFAULT).ifPresent(user -> {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
            user.groups().stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group))
                .toList()));
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}
