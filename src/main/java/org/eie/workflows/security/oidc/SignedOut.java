package org.eie.workflows.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After logout here, on to the provider's end-session endpoint (RP-initiated logout, the ID
 * token as hint), which returns to the sign-in page. The webapps ask from a script: the
 * webapps' Content Security Policy ({@code form-action 'self'}) would stop a form whose answer
 * redirects to the provider, so a script asking for JSON gets the address to go to instead.
 */
final class SignedOut extends OidcClientInitiatedLogoutSuccessHandler {

  SignedOut(ClientRegistrationRepository registrations) {
    super(registrations);
    setPostLogoutRedirectUri("{baseUrl}/login?logout");
    setDefaultTargetUrl("/login?logout");
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, jakarta.servlet.ServletException {
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      super.onLogoutSuccess(request, response, authentication);
      return;
    }
    String target = determineTargetUrl(request, response, authentication);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write("{\"location\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}");
  }
}
