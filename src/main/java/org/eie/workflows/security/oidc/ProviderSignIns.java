package org.eie.workflows.security.oidc;

import java.util.Map;
import org.eie.workflows.security.oidc.ProviderUsers.Refused;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A browser sign-in: Spring's own OpenID Connect user (ID token, user info) becomes our user
 * through the provider's mapping table, or the sign-in fails with the reason as error code,
 * which the sign-in page explains.
 */
final class ProviderSignIns implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService oidc = new OidcUserService();
  private final OidcProperties properties;
  private final ProviderUsers users;

  ProviderSignIns(OidcProperties properties, ProviderUsers users) {
    this.properties = properties;
    this.users = users;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = oidc.loadUser(request);
    String providerId = request.getClientRegistration().getRegistrationId();
    var provider = properties.providers().get(providerId);
    try {
      var user = users.signIn(providerId, provider, Map.copyOf(signedIn.getClaims()));
      var authorities = user.groups().stream()
          .map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList();
      return new SignedInUser(authorities, signedIn.getIdToken(), signedIn.getUserInfo(), user,
          providerId);
    } catch (Refused refused) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(refused.refusal().name().toLowerCase(), refused.getMessage(), null),
          refused.getMessage());
    }
  }
}
