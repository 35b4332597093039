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
 * Who calls, at the HTTP layer, the one answer for every filter: the user in Spring Security's
 * context ({@code /engine-rest} and {@code /api} by HTTP Basic or a token, the dashboard, a
 * provider's sign-in), else the webapps' login kept in the HTTP session.
 */
final class Callers {

  private Callers() {
  }

  /** The caller of the default engine, or empty if nobody is logged in. */
  static Optional<EieUser> of(HttpServletRequest request) {
    return of(request, ProcessEngines.NAME_DEFAULT);
  }

  /** The caller of the named engine, or empty if nobody is logged in. */
  static Optional<EieUser> of(HttpServletRequest request, String engineName) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    var signedIn = authentication == null ? Optional.<EieUser>empty()
        : EieUser.of(authentication.getPrincipal());
    return signedIn.isPresent() ? signedIn : webappLogin(request, engineName);
  }

  /** The webapps' login in the session (Tasklist, Cockpit, Admin), for the named engine. */
  static Optional<EieUser> webappLogin(HttpServletRequest request, String engineName) {
    var session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .filter(auth -> engineName.equals(auth.getProcessEngineName()))
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .findFirst().map(user -> new EieUser(user.getIdentityId(),
            user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
            user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds())));
  }

  static boolean isAdmin(HttpServletRequest request) {
    return of(request).map(EieUser::isAdmin).orElse(false);
  }
}
