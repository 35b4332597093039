package org.eie.workflows.appeal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the co-leads decided in "Revise the appeal" (the process variable {@code revision}, the
 * latest; the history keeps each).
 *
 * @param version        the version this revision leads to
 * @param reason         what the Joint Education Needs Assessment found and why the appeal
 *                       changes, as entered; printed on the page "What changed"
 * @param withdrawn      ids of accepted projects taken out
 * @param newBudgets     new total budget by project id, for projects whose budget changed
 * @param newCallDays    days the new call for partner projects stays open; 0 for none
 */
public record AppealRevision(int version, String reason, List<String> withdrawn,
    Map<String, BigDecimal> newBudgets, long newCallDays, String revisedBy, String revisedAt) {
}
