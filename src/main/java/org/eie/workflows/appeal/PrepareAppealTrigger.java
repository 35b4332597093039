package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.APPEAL_TYPE;
import static org.eie.workflows.appeal.AppealVariables.ASSESSMENT_DUE;
import static org.eie.workflows.appeal.AppealVariables.LANGUAGE;
import static org.eie.workflows.appeal.AppealVariables.ONSET;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;
import static org.eie.workflows.variables.JsonVariables.json;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Checks the trigger of a new appeal, whether it came from Tasklist's start form or the REST API,
 * and keeps it as one JSON variable plus the dates the timers need. Bad input throws, which rolls
 * the start back: no process instance exists afterwards.
 */
@Component
class PrepareAppealTrigger implements ExecutionListener {

  /** Phase-1 assessment is due within 72 hours of onset (docs/domain.md, Process 1, step 3). */
  static final Duration ASSESSMENT_WINDOW = Duration.ofHours(72);

  static final List<String> FORM_FIELDS = List.of("emergencyType", "affectedAreas",
      "situationSummary", "peopleAffected", "schoolsAffected", AppealInputs.ONSET_CONFIRMED);

  private final AppealInputs inputs;

  PrepareAppealTrigger(AppealInputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AppealTrigger trigger = inputs.trigger(execution.getVariables());
    OffsetDateTime onset = OffsetDateTime.parse(trigger.onset());
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      // Started from Tasklist's start form: the same readable key as through our API.
      execution.setProcessBusinessKey(AppealService.businessKey(trigger.country(), trigger.onset()));
    }
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(TRIGGER, json(trigger));
    execution.setVariable(APPEAL_TYPE, trigger.appealType());
    execution.setVariable(LANGUAGE, trigger.language());
    execution.setVariable(ONSET, Date.from(onset.toInstant()));
    execution.setVariable(ASSESSMENT_DUE, Date.from(onset.plus(ASSESSMENT_WINDOW).toInstant()));
  }
}
