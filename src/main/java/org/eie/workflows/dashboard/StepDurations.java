package org.eie.workflows.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.eie.workflows.Processes;
import org.springframework.stereotype.Service;

/**
 * What Cockpit Community Edition does not show: how long each human step took when somebody did
 * it (median and 90th percentile), and which step holds a process up. From the engine's task
 * history, read as the caller: a country co-lead's figures cover their country only.
 */
@Service
class StepDurations {

  /** The processes of each section: every process that has user steps. */
  static final String[] APPEALS = {Processes.APPEAL, Processes.APPEAL_PARTNER_SUBMISSION,
      Processes.APPEAL_PROJECT_REVISION};
  static final String[] TRAINING_ROLLOUTS = {Processes.TRAINING,
      Processes.TRAINING_COUNTRY};
  static final String[] PLANNING_CYCLES = {Processes.PLANNING};
  /** The delete reason of a task a user completed (not cancelled by a deadline or deleted). */
  private static final String COMPLETED = "completed";

  private final HistoryService history;
  private final StepNames names;

  StepDurations(HistoryService history, StepNames names) {
    this.history = history;
    this.names = names;
  }

  /**
   * @param slowest the step with the longest median of its process: the one that holds it up
   */
  record StepTime(String process, String step, String name, int count, long medianMinutes,
      long p90Minutes, boolean slowest) {
  }

  /**
   * Per step of these processes, slowest first within each: the tasks somebody completed, in
   * running processes too (an appeal runs for months). A task nobody worked on — cancelled by a
   * deadline, deleted with its process — took no one's time and is left out.
   */
  List<StepTime> of(String... processKeys) {
    List<StepTime> all = new ArrayList<>();
    for (String key : processKeys) {
      Map<String, List<HistoricTaskInstance>> bySteps = new LinkedHashMap<>();
      history.createHistoricTaskInstanceQuery().processDefinitionKey(key).finished()
          .taskDeleteReason(COMPLETED).list().stream()
          .filter(task -> task.getDurationInMillis() != null)
          .forEach(task -> bySteps.computeIfAbsent(task.getTaskDefinitionKey(),
              step -> new ArrayList<>()).add(task));
      List<StepTime> steps = new ArrayList<>();
      bySteps.forEach((step, tasks) -> {
        long[] minutes = tasks.stream().mapToLong(task -> task.getDurationInMillis() / 60_000)
            .sorted().toArray();
        steps.add(new StepTime(key, step, genericName(names.of(tasks.get(0))), minutes.length,
            percentile(minutes, 50), percentile(minutes, 90), false));
      });
      steps.sort(Comparator.comparingLong(StepTime::medianMinutes).reversed());
      for (int i = 0; i < steps.size(); i++) {
        StepTime step = steps.get(i);
        all.add(i > 0 ? step : new StepTime(step.process(), step.step(), step.name(),
            step.count(), step.medianMinutes(), step.p90Minutes(), true));
      }
    }
    return all;
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** "Plan the training workshop (LB)" and "(CO)" are one step. */
  private static String genericName(String name) {
    return name == null ? null : name.replaceAll("\\s*\\([A-Z]{2}\\)$", "");
  }
}
