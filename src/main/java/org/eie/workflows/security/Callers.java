package org.eie.workflows.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.eie.workflows.identity.Groups;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who calls, at the HTTP layer: the user of {@code /engine-rest} and {@code /api} (HTTP Basic,
 * in Spring Security's context) or of the webapps (their login in the HTTP session).
 */
final class Callers {

  private Callers() {
  }

  /** The caller's groups, or empty if nobody is logged in. */
  static Optional<List<String>> groupsOf(HttpServletRequest request) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    var signedIn = authentication == null ? Optional.<EieUser>empty()
        : EieUser.of(authentication.getPrincipal());
    if (signedIn.isPresent()) {
      return Optional.of(signedIn.get().groups());
    }
    var session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .filter(auth -> ProcessEngines.NAME_DEFAULT.equals(auth.getProcessEngineName()))
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .findFirst()
        .map(user -> user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
  }

  static boolean isAdmin(HttpServletRequest request) {
    return groupsOf(request).map(groups -> groups.contains(Groups.ADMINS)).orElse(false);
  }
}
