package org.eie.workflows.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.eie.workflows.Processes;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.variables.StoredVariables;
import org.springframework.stereotype.Service;

/**
 * The training rollouts a caller may see, per country. A country's co-leads cannot read the
 * rollout itself (its instance shows every country), only their own country's branch: for them
 * a rollout is the branches they see, and the rollout's own stage stays empty.
 */
@Service
class TrainingReads {


  private final HistoryService history;
  private final EngineReads reads;
  private final EieProperties properties;

  TrainingReads(HistoryService history, EngineReads reads, EieProperties properties) {
    this.history = history;
    this.reads = reads;
    this.properties = properties;
  }

  /**
   * @param status      OPEN, DONE (evaluation submitted and branch finished) or WITHDRAWN
   * @param evaluation  the evaluation report's deadline (from the workshop's last day)
   */
  record CountryRollout(String country, String countryName, String instanceId, String status,
      List<String> stage, String plannedStart, String plannedEnd, String workshopStart,
      String workshopEnd, Integer female, Integer male, Integer otherOrUndisclosed,
      Deadline evaluation, String withdrawalReason) {
  }

  record Rollout(String id, String businessKey, String packageVersion, String status,
      Instant startedAt, Instant endedAt, List<String> stage, List<CountryRollout> countries) {

    long countriesDone() {
      return countries.stream().filter(c -> "DONE".equals(c.status())).count();
    }

    boolean anyOverdue() {
      return countries.stream().anyMatch(c -> c.evaluation() != null && c.evaluation().overdue());
    }
  }

  PageOf<Rollout> page(String status, int page, int size) {
    return PageOf.of(all(status), page, size);
  }

  List<Rollout> all(String status) {
    List<HistoricProcessInstance> branches = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(Processes.TRAINING_COUNTRY).list();
    Map<String, HistoricProcessInstance> rollouts = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.TRAINING).list()
        .forEach(rollout -> rollouts.put(rollout.getId(), rollout));
    Set<String> ids = new LinkedHashSet<>(rollouts.keySet());
    branches.forEach(branch -> ids.add(branch.getSuperProcessInstanceId()));
    ids.remove(null);
    List<Rollout> all = new ArrayList<>();
    for (String id : ids) {
      all.add(rollout(id, rollouts.get(id), branches.stream()
          .filter(branch -> id.equals(branch.getSuperProcessInstanceId())).toList()));
    }
    return all.stream()
        .filter(rollout -> status == null || rollout.status().equalsIgnoreCase(status)
            || (!"OPEN".equalsIgnoreCase(status) && !"OPEN".equals(rollout.status())))
        .sorted(Comparator.comparing(Rollout::startedAt).reversed()).toList();
  }

  Optional<Rollout> detail(String id) {
    HistoricProcessInstance rollout = history.createHistoricProcessInstanceQuery()
        .processInstanceId(id).processDefinitionKey(Processes.TRAINING).singleResult();
    List<HistoricProcessInstance> branches = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(id).processDefinitionKey(Processes.TRAINING_COUNTRY).list();
    if (rollout == null && branches.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rollout(id, rollout, branches));
  }

  private Rollout rollout(String id, HistoricProcessInstance rollout,
      List<HistoricProcessInstance> branches) {
    List<String> branchIds = branches.stream().map(HistoricProcessInstance::getId).toList();
    Map<String, StoredVariables> values = reads.variables(branchIds, "packageVersion",
        "workshopPlan", "workshopDelivery", "evaluationDueAt", "evaluationReport", "withdrawal");
    Instant now = EngineReads.now();
    List<CountryRollout> countries = new ArrayList<>();
    for (HistoricProcessInstance branch : branches) {
      StoredVariables of = values.get(branch.getId());
      JsonNode plan = of.object("workshopPlan");
      JsonNode delivery = of.object("workshopDelivery");
      JsonNode report = of.object("evaluationReport");
      JsonNode withdrawal = of.object("withdrawal");
      boolean ended = branch.getEndTime() != null;
      String status = withdrawal != null ? "WITHDRAWN" : ended ? "DONE" : "OPEN";
      Deadline evaluation = Deadline.of("evaluation",
          of.instant("evaluationDueAt"),
          report == null ? null : EngineReads.instant(EngineReads.text(report, "submittedAt")),
          ended, now);
      if (evaluation != null && report != null && evaluation.doneAt() == null) {
        evaluation = new Deadline("evaluation", evaluation.dueAt(),
            report.path("late").asBoolean() ? Deadline.State.MET_LATE : Deadline.State.MET,
            null, null, null);
      }
      countries.add(new CountryRollout(branch.getTenantId(),
          properties.countries().get(branch.getTenantId()), branch.getId(), status,
          ended ? List.of() : reads.stage(branch.getId()),
          EngineReads.text(plan, "plannedStartDate"), EngineReads.text(plan, "plannedEndDate"),
          EngineReads.text(delivery, "startDate"), EngineReads.text(delivery, "endDate"),
          delivery == null ? null : delivery.path("female").asInt(),
          delivery == null ? null : delivery.path("male").asInt(),
          delivery == null ? null : delivery.path("otherOrUndisclosed").asInt(), evaluation,
          EngineReads.text(withdrawal, "reason")));
    }
    countries.sort(Comparator.comparing(CountryRollout::country,
        Comparator.nullsLast(Comparator.naturalOrder())));
    String packageVersion = null;
    if (rollout != null) {
      packageVersion = reads.variables(List.of(id), "packageVersion").get(id)
          .text("packageVersion");
    } else if (!branchIds.isEmpty()) {
      packageVersion = values.get(branchIds.get(0)).text("packageVersion");
    }
    Instant started = rollout != null ? rollout.getStartTime().toInstant()
        : branches.stream().map(b -> b.getStartTime().toInstant()).min(Comparator.naturalOrder())
            .orElse(now);
    boolean open = rollout != null ? rollout.getEndTime() == null
        : branches.stream().anyMatch(b -> b.getEndTime() == null);
    return new Rollout(id, rollout != null ? rollout.getBusinessKey()
        : branches.get(0).getBusinessKey(), packageVersion, open ? "OPEN" : "CLOSED", started,
        rollout != null && rollout.getEndTime() != null ? rollout.getEndTime().toInstant() : null,
        rollout != null && open ? reads.stage(id) : List.of(), countries);
  }
}
