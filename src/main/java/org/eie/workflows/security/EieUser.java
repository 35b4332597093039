package org.eie.workflows.security;

import java.util.List;
import org.eie.workflows.identity.Groups;

/** An authenticated caller as Camunda knows them: user id, groups and country tenants. */
public record EieUser(String id, List<String> groups, List<String> tenants) {

  public boolean isAdmin() {
    return groups.contains(Groups.ADMINS);
  }
}
