package org.eie.workflows.appeal;

import java.math.BigDecimal;

/** One activity of a partner project and its budget in USD. */
public record ActivityBudget(String activity, BigDecimal budgetUsd) {
}
