package org.eie.workflows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
    var session = request.getSession(false);
    if ((current == null || current instanceof AnonymousAuthenticationToken) && session != null) {
      AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
          .filter(auth -> ProcessEngines.NAME_DEFAULT.equals(auth.getProcessEngineName()))
          .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
          .findFirst().ifPresent(webapp -> {
            List<String> groups = webapp.getGroupIds() == null ? List.of()
                : List.copyOf(webapp.getGroupIds());
            List<String> tenants = webapp.getTenantIds() == null ? List.of()
                : List.copyOf(webapp.getTenantIds());
            var user = new EieUser(webapp.getName(), groups, tenants);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                groups.stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group))
                    .toList()));
            SecurityContextHolder.setContext(context);
          });
    }
    chain.doFilter(request, response);
  }
}
