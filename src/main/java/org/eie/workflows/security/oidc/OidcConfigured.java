package org.eie.workflows.security.oidc;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Single sign-on is on when at least one provider is configured under
 * {@code eie.oidc.providers}; without one the application is what it was: local accounts only.
 */
class OidcConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("eie.oidc.providers", Bindable.mapOf(String.class, Object.class))
        .map(providers -> !providers.isEmpty()).orElse(false);
  }
}
