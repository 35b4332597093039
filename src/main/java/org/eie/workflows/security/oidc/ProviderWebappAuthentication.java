package org.eie.workflows.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.eie.workflows.security.EieUser;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's container-based authentication, fed by Spring Security: the webapps take the user a
 * provider signed in (with the groups and countries set at that sign-in) as their own login.
 * Instantiated by Camunda's filter by class name, hence public with a no-argument constructor.
 */
public class ProviderWebappAuthentication implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request,
      ProcessEngine engine) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser signedIn)) {
      return AuthenticationResult.unsuccessful();
    }
    EieUser user = signedIn.eieUser();
    var result = AuthenticationResult.successful(user.id());
    result.setGroups(user.groups());
    result.setTenants(user.tenants());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response,
      ProcessEngine engine) {
    // No challenge: ProviderWebappFilter only asks for users a provider has signed in.
  }
}
