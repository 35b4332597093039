package org.eie.workflows.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The engine neither delays nor locks a user after wrong passwords. Camunda refuses a user's
 * right password for a while after any wrong one, whoever sent it, and locks the account after
 * ten: one anonymous request every few seconds kept {@code admin} out. {@link LoginThrottle}
 * makes the source that failed wait instead. Switched off here, in the identity provider, rather
 * than by zero delays: a zero delay is still written as an expiry at "now", which a later clock
 * (or a node whose clock lags) reads as a lock, and each wrong password cost a row update. A lock left by an earlier version is cleared at
 * the user's next right password.
 */
@Component
class NoEngineLockOut extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new GenericManagerFactory(PasswordsOnly.class));
  }

  /** Camunda's database identity provider, checking passwords and nothing more. */
  public static class PasswordsOnly extends DbIdentityServiceProvider {

    @Override
    protected boolean isUserLocked(UserEntity user) {
      return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
      // The throttle in front of every login counts failures, per source.
    }
  }
}
