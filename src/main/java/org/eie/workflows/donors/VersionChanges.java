package org.eie.workflows.donors;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What changed in the appeal version being delivered, as the appeal recorded it when it generated
 * the version. The appeal process owns that record and how it is kept; this interface is the one
 * place the donors' side reads it.
 */
public interface VersionChanges {

  /**
   * @param appeal the appeal's execution that called the delivery
   * @return what the appeal recorded for its newest version, or null if it recorded nothing (a
   *         first version)
   */
  ChangeSummary recordedBy(DelegateExecution appeal);
}
