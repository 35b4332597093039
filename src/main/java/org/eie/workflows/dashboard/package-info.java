/**
 * The read side: the JSON read API for appeals, planning cycles and training rollouts, the CSV and
 * HXL exports, and the Secretariat's dashboard pages, all read from the engine as the caller so
 * that its tenant check decides which countries each viewer sees.
 */
package org.eie.workflows.dashboard;
