package org.eie.workflows.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The caller's groups go into the engine's authorization checks as they are, without asking the
 * database first which groups hold any grant at all.
 *
 * <p>Before its first check in every command the engine reads the id of every group named in any
 * authorization ({@code selectAuthorizedGroupIds}) and keeps only the caller's groups among them,
 * so that a user of hundreds of groups does not send hundreds of ids to every query. Our users
 * belong to two to four groups: the read cost one statement per command (one per appeal step, about
 * twenty for each task opened in Tasklist) and could not shorten anything. A group without grants
 * matches no authorization row, so the checks answer the same with or without it. Callers with
 * more than {@link #AS_THEY_ARE} groups still get the engine's filter.
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

  /** Up to this many groups go into the checks unfiltered. */
  static final int AS_THEY_ARE = 20;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>(
        configuration.getCustomSessionFactories() == null ? List.of()
            : configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static final class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
          || authenticatedGroupIds.size() > AS_THEY_ARE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
      groups.removeIf(java.util.Objects::isNull);
      return groups;
    }
  }
}
