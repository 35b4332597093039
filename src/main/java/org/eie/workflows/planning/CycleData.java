package org.eie.workflows.planning;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * Reads and writes a cycle's variables: the JSON records of {@link PlanModel}, the form fields
 * users fill in, who is acting and when (the engine clock, so that tests moving it see
 * consistent dates).
 */
@Component
class CycleData {

  static final String INEE_PLAN = "ineePlan";
  static final String CLUSTER_PLAN = "clusterPlan";
  static final String ALIGNMENT = "alignment";
  static final String APPROVALS = "approvals";
  static final String LAUNCH = "launch";
  static final String IMPLEMENTATION = "implementation";
  static final String EVALUATION = "evaluation";
  static final String PREVIOUS_EVALUATION = "previousEvaluation";

  private static final String MESSAGES = "planning/messages";

  private final IdentityService identity;

  CycleData(IdentityService identity) {
    this.identity = identity;
  }

  static ObjectValue json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  @SuppressWarnings("unchecked")
  static <T> T get(VariableScope scope, String name, Class<T> type) {
    Object value = scope.getVariable(name);
    return type.isInstance(value) ? (T) value : null;
  }

  /**
   * A form field the user must fill in, by the kit's rules (forms/FormReader: trimmed, visible,
   * text only, at most 4,000 characters), or an {@link InvalidInput} naming it.
   */
  static String required(VariableScope scope, String field, String what) {
    var reader = new FormReader(java.util.Collections.singletonMap(field,
        scope.getVariable(field)));
    String text = reader.text(field, false);
    reader.throwIfInvalid();
    if (text == null) {
      throw new InvalidInput(field, what + " is required");
    }
    return text;
  }

  static String optional(VariableScope scope, String field) {
    var reader = new FormReader(java.util.Collections.singletonMap(field,
        scope.getVariable(field)));
    String text = reader.text(field, false);
    reader.throwIfInvalid();
    return text;
  }

  static String link(VariableScope scope, String field) {
    String link = required(scope, field, "a link");
    if (!link.matches("^https?://\\S+$")) {
      throw new InvalidInput(field, "'" + link + "' is not a web link (https://...)");
    }
    return link;
  }

  /** Form fields that only carry one task's input: removed once recorded, so no later form shows them. */
  static void forget(VariableScope scope, String... fields) {
    for (String field : fields) {
      scope.removeVariable(field);
    }
  }

  static String now() {
    return ClockUtil.getCurrentTime().toInstant().toString();
  }

  static Instant nowInstant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The user completing the task (Tasklist and REST set the engine's authentication). */
  Optional<String> currentUser() {
    var authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }

  String userName(String userId) {
    if (userId == null) {
      return null;
    }
    var commandContext = Context.getCommandContext();
    java.util.concurrent.Callable<String> lookup = () -> {
      var user = identity.createUserQuery().userId(userId).singleResult();
      return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
    };
    try {
      return commandContext == null ? lookup.call() : commandContext.runWithoutAuthorization(lookup);
    } catch (Exception e) {
      return userId;
    }
  }

  static String message(String key, Object... arguments) {
    String pattern = ResourceBundle.getBundle(MESSAGES, Locale.ENGLISH,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(key);
    return new java.text.MessageFormat(pattern, Locale.ENGLISH).format(arguments);
  }
}
