package org.eie.workflows.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting, the one answer for the whole application: the user the engine knows as
 * authenticated. Behind our API and the dashboard the security layer hands the signed-in caller
 * to the engine for the request; Tasklist and the REST API do the same for a task's completion, so
 * a task listener, a delegate and a controller all ask here and get the same person.
 *
 * <p>Nobody acting (the engine's own jobs: timers, asynchronous steps; a request nobody signed in
 * to) has one representation: {@link #id()} is empty, and then {@link #groups()} and
 * {@link #tenantIds()} are empty lists. A record that must name who acted names nobody as
 * {@value #SYSTEM} ({@link #recordedId()}); that word is for records only, never a way to ask.
 *
 * <p>The HTTP filters that run before the engine knows the caller (security's {@code Callers})
 * read the request instead; everything after them asks here.
 */
@Component
public class CurrentUser {

  /** How a record names the acting person when nobody acts: the engine's own steps. */
  public static final String SYSTEM = "system";

  private final IdentityService identity;

  /**
   * Over the engine's identity service; the engine's own plug-ins, built before the engine's
   * beans, pass their configuration's.
   */
  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  /** The acting user's id; empty when nobody acts. */
  public Optional<String> id() {
    Authentication authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }

  /** The acting user's id as a record keeps it: the id, or {@value #SYSTEM} when nobody acts. */
  public String recordedId() {
    return id().orElse(SYSTEM);
  }

  /** The acting user's groups; empty when nobody acts. */
  public List<String> groups() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /** The acting user's tenants (their country clusters); empty when nobody acts. */
  public List<String> tenantIds() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        || authentication.getTenantIds() == null ? List.of() : authentication.getTenantIds();
  }

  /**
   * A user's full name for what a record shows (a sign-off, an approval), read past authorization
   * checks: a co-lead may not browse users, yet the record must name who signed. The id itself
   * when the user has no name or is unknown; {@value #SYSTEM} and null come back unchanged.
   */
  public String nameOf(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return userId;
    }
    var command = Context.getCommandContext();
    User user = command == null
        ? identity.createUserQuery().userId(userId).singleResult()
        : command.runWithoutAuthorization(
            () -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
