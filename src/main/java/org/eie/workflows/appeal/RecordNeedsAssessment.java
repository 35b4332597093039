package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.NEEDS_ASSESSMENT;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;
import static org.eie.workflows.variables.JsonVariables.json;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Opens the rapid needs assessment with the trigger's affected areas filled in, and records the
 * submitted assessment as one JSON variable.
 */
@Component
public class RecordNeedsAssessment extends TaskCompletion implements TaskListener {

  public static final List<String> FORM_FIELDS = List.of("girlsInNeed", "boysInNeed",
      "withDisabilitiesInNeed", "migrantsInNeed", "hostCommunityInNeed", "schoolsDamaged",
      "schoolsDestroyed", "schoolsUsedAsShelters", "teachersAffected", "assessedAreas",
      "dataGaps");

  private final AppealInputs inputs;
  private final CurrentUser user;

  RecordNeedsAssessment(AppealInputs inputs, CurrentUser user) {
    this.inputs = inputs;
    this.user = user;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      AppealTrigger trigger = JsonVariables.read(task, TRIGGER, AppealTrigger.class);
      task.getExecution().setVariableLocal("assessedAreas",
          String.join("\n", trigger.affectedAreas()));
    }
  }

  @Override
  protected void completed(DelegateExecution execution) {
    NeedsAssessment assessment = inputs.assessment(submittedForm(execution), user.recordedId());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable(NEEDS_ASSESSMENT, json(assessment));
  }
}
