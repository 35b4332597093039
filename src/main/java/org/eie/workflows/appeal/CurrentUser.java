package org.eie.workflows.appeal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting in the engine right now: the user Tasklist or the REST API authenticated (the
 * security layer hands it to the engine for the request), as recorded in the appeal's history.
 */
@Component
class CurrentUser {

  static final String SYSTEM = "system";

  private final IdentityService identity;

  CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  /** The acting user's id, or {@value #SYSTEM} for the engine's own jobs. */
  String id() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? SYSTEM
        : authentication.getUserId();
  }

  List<String> groups() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
  }

  /**
   * A user's full name for the appeal's sign-off block, read past authorization checks (a co-lead
   * may not browse users, yet the appeal must name who signed).
   */
  String nameOf(String userId) {
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
