package org.eie.workflows.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who hears of a task. When it arrives: its assignee, its candidate users and every member of its
 * candidate groups. Before and after its deadline: the assignee alone once someone has claimed
 * it (it is theirs now), else the candidates as on arrival.
 */
final class Recipients {

  private Recipients() {
  }

  static Set<String> onArrival(IdentityService identity, String assignee,
      Collection<? extends IdentityLink> links) {
    Set<String> users = new LinkedHashSet<>();
    if (assignee != null) {
      users.add(assignee);
    }
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        membersOf(identity, link.getGroupId()).forEach(users::add);
      }
    }
    return users;
  }

  static Set<String> onDeadline(IdentityService identity, String assignee,
      Collection<? extends IdentityLink> links) {
    return assignee != null ? Set.of(assignee) : onArrival(identity, null, links);
  }

  /** Read past authorization checks: a co-lead completing a step may not browse users. */
  private static Collection<String> membersOf(IdentityService identity, String groupId) {
    Supplier<Collection<String>> query = () -> identity.createUserQuery().memberOfGroup(groupId)
        .list().stream().map(User::getId).toList();
    var command = Context.getCommandContext();
    return command == null ? query.get() : command.runWithoutAuthorization(query::get);
  }
}
