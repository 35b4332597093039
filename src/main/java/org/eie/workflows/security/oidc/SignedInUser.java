package org.eie.workflows.security.oidc;

import java.util.Collection;
import org.eie.workflows.security.EieUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user signed in with a provider in the browser: the provider's tokens (logout needs the ID
 * token) and the user as the engine knows them after the sign-in.
 */
final class SignedInUser extends DefaultOidcUser implements EieUser.Carrier {

  private final EieUser user;
  private final String providerId;

  SignedInUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
      OidcUserInfo userInfo, EieUser user, String providerId) {
    super(authorities, idToken, userInfo);
    this.user = user;
    this.providerId = providerId;
  }

  @Override
  public EieUser eieUser() {
    return user;
  }

  String providerId() {
    return providerId;
  }

  /** Our user id (the provider's subject stays in {@code sub}). */
  @Override
  public String getName() {
    return user.id();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedInUser that && super.equals(that) && user.equals(that.user);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + user.hashCode();
  }
}
