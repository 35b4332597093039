package org.eie.workflows.security;

import java.util.List;
import java.util.Optional;
import org.eie.workflows.identity.Groups;

/** An authenticated caller as Camunda knows them: user id, groups and country tenants. */
public record EieUser(String id, List<String> groups, List<String> tenants)
    implements java.io.Serializable {

  public boolean isAdmin() {
    return groups.contains(Groups.ADMINS);
  }

  /**
   * The user behind a Spring Security principal: a local account (the principal itself) or a
   * user signed in with an identity provider (whose principal must also carry the provider's
   * own user data).
   */
  public static Optional<EieUser> of(Object principal) {
    if (principal instanceof EieUser user) {
      return Optional.of(user);
    }
    if (principal instanceof Carrier carrier) {
      return Optional.of(carrier.eieUser());
    }
    return Optional.empty();
  }

  /** A principal that carries an {@link EieUser}. */
  public interface Carrier {
    EieUser eieUser();
  }
}
