package org.eie.workflows.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.donors.ChangeSummary;
import org.eie.workflows.donors.VersionChanges;
import org.springframework.stereotype.Component;

/**
 * The appeal's side of {@link VersionChanges}: the summary {@link GenerateAppealDocument} keeps
 * in {@value AppealVariables#VERSION_CHANGES} for the version it generated.
 */
@Component
class RecordedVersionChanges implements VersionChanges {

  @Override
  public ChangeSummary recordedBy(DelegateExecution appeal) {
    return appeal.getVariable(AppealVariables.VERSION_CHANGES) instanceof ChangeSummary summary
        ? summary : null;
  }
}
