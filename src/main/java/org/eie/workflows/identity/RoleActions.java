package org.eie.workflows.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eie.workflows.forms.FormReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to act on a process beyond completing one's own tasks. No role but the
 * administrators holds UPDATE_INSTANCE (modify, write variables, execute jobs) through the
 * Camunda REST API; what a role really needs (cancel an appeal, withdraw a country, retry a donor
 * delivery, move a deadline) is offered by our API, which calls {@link #take}: the caller's role is
 * checked here, the engine work runs past the engine's authorization check (the tenant check
 * stays, and the caller remains the authenticated user the engine's operation log names), and the
 * action is recorded in {@code eie_role_action} with who, as which groups, and why, in the same
 * transaction as the engine work.
 */
@Component
public class RoleActions {

  /** The longest reason kept, as the column allows. */
  public static final int MAX_REASON = 1000;

  private final CurrentUser user;
  private final ProcessEngineConfigurationImpl engine;
  private final JdbcClient jdbc;

  RoleActions(CurrentUser user, ProcessEngineConfiguration engine, JdbcClient jdbc) {
    this.user = user;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.jdbc = jdbc;
  }

  /**
   * The reason a caller gives for an action, by the kit's rules: visible text of at most
   * {@value #MAX_REASON} characters, or 400 naming {@code reason}.
   */
  public static String reason(String given) {
    var form = new FormReader(Collections.singletonMap("reason", given));
    String reason = form.text("reason", true, MAX_REASON);
    form.throwIfInvalid();
    return reason;
  }

  /** What one recorded action says. */
  public record Taken(String action, String processInstanceId, String userId, String reason,
      Instant at) {
  }

  /**
   * Takes an action if the caller belongs to one of {@code allowedGroups}; 403 otherwise.
   *
   * @param reason why, in the caller's words; required
   */
  @Transactional
  public <T> T take(String action, String processInstanceId, String tenantId, String reason,
      Collection<String> allowedGroups, Supplier<T> work) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("An action needs a reason of 1 to " + MAX_REASON
          + " characters; the API checks it first");
    }
    var caller = user.id();
    List<String> groups = user.groups();
    if (caller.isEmpty() || groups.stream().noneMatch(allowedGroups::contains)) {
      throw new AuthorizationException(caller.orElse("Nobody") + " may not " + action
          + ": this needs membership of one of " + allowedGroups);
    }
    T result = engine.getCommandExecutorTxRequired().execute(command -> {
      boolean checking = command.isAuthorizationCheckEnabled();
      command.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (checking) {
          command.enableAuthorizationCheck();
        }
      }
    });
    jdbc.sql("insert into eie_role_action (id, action, process_instance_id, tenant_id, user_id,"
            + " user_groups, reason, taken_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), action, processInstanceId, tenantId,
            caller.get(), String.join(",", groups), reason, Timestamp.from(Instant.now()))
        .update();
    return result;
  }

  /** Every action recorded on a process instance, oldest first. */
  public List<Taken> takenOn(String processInstanceId) {
    return jdbc.sql("select action, process_instance_id, user_id, reason, taken_at"
            + " from eie_role_action where process_instance_id = ? order by taken_at")
        .param(processInstanceId)
        .query((rs, row) -> new Taken(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant()))
        .list();
  }
}
