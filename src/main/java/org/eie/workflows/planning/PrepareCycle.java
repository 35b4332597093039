package org.eie.workflows.planning;

import java.util.List;
import java.util.Objects;
import org.eie.workflows.Processes;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.StateConflict;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.planning.PlanModel.AlignmentMap;
import org.eie.workflows.planning.PlanModel.Approvals;
import org.eie.workflows.planning.PlanModel.Evaluation;
import org.eie.workflows.planning.PlanModel.Implementation;
import org.eie.workflows.variables.JsonVariables;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Component;

/**
 * Checks what a cycle is started with, whether from the REST API, the Tasklist start form or the
 * previous cycle, and sets up its state: both plans to draft, none approved, the Language
 * Communities that will translate, and the previous cycle's evaluation when there was one.
 */
@Component
class PrepareCycle implements ExecutionListener {

  static final Set<String> DOCUMENT_LANGUAGES =
      Set.copyOf(org.eie.workflows.language.Languages.CODES);
  static final String DEFAULT_REVIEW_GRACE_PERIOD = "P30D";
  /** How far ahead a cycle may be planned. */
  static final int MAX_YEARS_AHEAD = 10;

  private final HistoryService history;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  PrepareCycle(HistoryService history, org.camunda.bpm.engine.RuntimeService runtime) {
    this.history = history;
    this.runtime = runtime;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // The cycle a finished one starts follows on from it even if its evaluation came late.
    boolean followsOn = execution.getVariable(StartNextCycle.PREVIOUS_CYCLE_ID) != null;
    int firstYear = followsOn ? ((Number) execution.getVariable("firstYear")).intValue()
        : firstYear(execution.getVariable("firstYear"));
    if (!withoutAuthorization(() -> PlanningCycles.running(runtime, firstYear)).isEmpty()) {
      throw new StateConflict("firstYear", "a planning cycle for " + firstYear + "-"
          + (firstYear + 2) + " is already running");
    }
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      // Started from Tasklist's start form: the same readable key as through our API.
      execution.setProcessBusinessKey(PlanningCycles.businessKey(firstYear));
    }
    execution.setVariable("firstYear", firstYear);
    execution.setVariable("lastYear", firstYear + 2);
    execution.setVariable("cycleLabel", firstYear + "-" + (firstYear + 2));

    String language = execution.getVariable("documentLanguage") == null ? "en"
        : execution.getVariable("documentLanguage").toString();
    if (!DOCUMENT_LANGUAGES.contains(language)) {
      throw new InvalidInput("documentLanguage", "'" + language
          + "' is not a language of the plan document (en, fr)");
    }
    execution.setVariable("documentLanguage", language);

    Object grace = execution.getVariable("reviewGracePeriod");
    String gracePeriod = grace == null ? DEFAULT_REVIEW_GRACE_PERIOD : grace.toString();
    if (!isDuration(gracePeriod)) {
      throw new InvalidInput("reviewGracePeriod", "'" + gracePeriod
          + "' is not an ISO-8601 duration such as P30D");
    }
    execution.setVariable("reviewGracePeriod", gracePeriod);

    execution.setVariable("redraftInee", true);
    execution.setVariable("redraftCluster", true);
    execution.setVariable("ineeApproved", false);
    execution.setVariable("clusterApproved", false);
    execution.setVariable("feedbackGathered", false);
    execution.setVariable("unmatchedCount", 0);
    execution.setVariable("approvalRound", 0);
    execution.setVariable("languages", JsonVariables.json(new ArrayList<>(Groups.LANGUAGES)));
    execution.setVariable(CycleVariables.ALIGNMENT, JsonVariables.json(AlignmentMap.empty()));
    execution.setVariable(CycleVariables.APPROVALS, JsonVariables.json(new Approvals(null)));
    execution.setVariable(CycleVariables.IMPLEMENTATION, JsonVariables.json(Implementation.empty()));

    Evaluation previous = JsonVariables.read(execution, CycleVariables.PREVIOUS_EVALUATION, Evaluation.class);
    if (previous == null) {
      previous = previousEvaluation(firstYear);
      if (previous != null) {
        execution.setVariable(CycleVariables.PREVIOUS_EVALUATION, JsonVariables.json(previous));
      }
    }
    execution.setVariable("previousEvaluationText", describe(previous));
  }

  /** The previous cycle's evaluation as the review's read-only form field shows it. */
  static String describe(Evaluation previous) {
    return previous == null
        ? CycleVariables.message("previousEvaluation.none")
        : CycleVariables.message("previousEvaluation.text", previous.cycle(), previous.userName(),
            previous.at().substring(0, 10), previous.summary(), previous.lessonsLearned(),
            previous.recommendations());
  }

  static int firstYear(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInput("firstYear", "the first year of the plan is required");
    }
    int year;
    try {
      double number = Double.parseDouble(value.toString());
      if (number != Math.rint(number)) {
        throw new NumberFormatException();
      }
      year = (int) number;
    } catch (NumberFormatException e) {
      throw new InvalidInput("firstYear", "'" + value + "' is not a year");
    }
    int thisYear = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).getYear();
    if (year < thisYear || year > thisYear + MAX_YEARS_AHEAD) {
      throw new InvalidInput("firstYear", "must be between " + thisYear + " and "
          + (thisYear + MAX_YEARS_AHEAD) + " (a plan is made for years to come; found " + year + ")");
    }
    return year;
  }

  /** The evaluation of the cycle that ended the year before this one starts, if it was run here. */
  private Evaluation previousEvaluation(int firstYear) {
    java.util.concurrent.Callable<Evaluation> lookup = () -> history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(Processes.PLANNING)
        .variableValueEquals("lastYear", firstYear - 1)
        .finished().orderByProcessInstanceEndTime().desc()
        .listPage(0, 1).stream()
        .map(instance -> StoredVariables.of(history, List.of(instance.getId()),
            CycleVariables.EVALUATION).get(instance.getId())
            .json(CycleVariables.EVALUATION, JsonVariables.as(Evaluation.class)))
        .filter(Objects::nonNull)
        .findFirst().orElse(null);
    return withoutAuthorization(lookup);
  }

  /** Looks across all cycles, also those the starting user may not read. */
  private static <T> T withoutAuthorization(java.util.concurrent.Callable<T> query) {
    try {
      return Context.getCommandContext().runWithoutAuthorization(query);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isDuration(String text) {
    try {
      Period.parse(text);
      return true;
    } catch (RuntimeException notAPeriod) {
      try {
        Duration.parse(text);
        return true;
      } catch (RuntimeException notADuration) {
        return false;
      }
    }
  }
}
