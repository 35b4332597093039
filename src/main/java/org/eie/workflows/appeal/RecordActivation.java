package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.ACTIVATED;
import static org.eie.workflows.appeal.AppealVariables.ACTIVATION;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;
import static org.eie.workflows.variables.JsonVariables.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.tasklist.Figures;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Shows the co-leads the trigger they decide on, and records their go / no-go with its reason;
 * a no-go ends the appeal, recorded.
 */
@Component
class RecordActivation extends TaskCompletion implements TaskListener {

  private final AppealInputs inputs;
  private final CurrentUser user;
  private final EieProperties properties;

  RecordActivation(AppealInputs inputs, CurrentUser user, EieProperties properties) {
    this.inputs = inputs;
    this.user = user;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    AppealTrigger trigger = JsonVariables.read(task, TRIGGER, AppealTrigger.class);
    // Task-local: it goes with the task, the trigger itself stays the record.
    task.setVariableLocal("triggerSummary", triggerText(trigger,
        properties.countries().getOrDefault(trigger.country(), trigger.country())));
  }

  static String triggerText(AppealTrigger trigger, String countryName) {
    OffsetDateTime onset = OffsetDateTime.parse(trigger.onset());
    return "Emergency: " + trigger.emergencyType() + "\n"
        + "Country: " + countryName + "\n"
        + "Onset: " + onset.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH))
        + " (UTC" + (onset.getOffset().getTotalSeconds() == 0 ? "" : onset.getOffset().getId())
        + ")\n"
        + "Affected areas: " + String.join(", ", trigger.affectedAreas()) + "\n"
        + "Appeal type: " + Figures.label(trigger.appealType()) + "\n"
        + "People affected: " + known(trigger.peopleAffected()) + "\n"
        + "Schools affected: " + known(trigger.schoolsAffected()) + "\n\n"
        + (trigger.situationSummary() == null ? "" : trigger.situationSummary());
  }

  private static String known(Long figure) {
    return figure == null ? "not known yet" : Figures.count(figure);
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Activation activation = inputs.activation(submittedForm(execution), user.recordedId());
    execution.removeVariables(List.of("activationReason", "appealLead"));
    execution.setVariable(ACTIVATION, json(activation));
    execution.setVariable(ACTIVATED, activation.activated());
  }
}
