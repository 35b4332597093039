package org.eie.workflows.appeal.revision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.donors.ChangeSummary;
import org.eie.workflows.donors.VersionChanges;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The appeal's side of {@link VersionChanges}: the summary
 * {@code appeal/document/GenerateAppealDocument} keeps in
 * {@value AppealVariables#VERSION_CHANGES} for the version it generated.
 */
@Component
class RecordedVersionChanges implements VersionChanges {

  @Override
  public ChangeSummary recordedBy(DelegateExecution appeal) {
    return JsonVariables.read(appeal, AppealVariables.VERSION_CHANGES, ChangeSummary.class);
  }
}
