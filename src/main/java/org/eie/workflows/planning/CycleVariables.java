package org.eie.workflows.planning;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reads and writes a cycle's variables: the JSON records of {@link PlanModel} and when (the engine
 * clock, so that tests moving it see consistent dates). What users type into the forms is read by
 * {@link org.eie.workflows.forms.FormReader}, as everywhere; who acts, by
 * {@link org.eie.workflows.identity.CurrentUser}.
 */
final class CycleVariables {

  static final String INEE_PLAN = "ineePlan";
  static final String CLUSTER_PLAN = "clusterPlan";
  static final String ALIGNMENT = "alignment";
  static final String APPROVALS = "approvals";
  static final String LAUNCH = "launch";
  static final String IMPLEMENTATION = "implementation";
  static final String EVALUATION = "evaluation";
  static final String PREVIOUS_EVALUATION = "previousEvaluation";

  private static final String MESSAGES = "planning/messages";

  private CycleVariables() {
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

  static String message(String key, Object... arguments) {
    String pattern = ResourceBundle.getBundle(MESSAGES, Locale.ENGLISH,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(key);
    return new java.text.MessageFormat(pattern, Locale.ENGLISH).format(arguments);
  }
}
