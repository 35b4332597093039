package org.eie.workflows.donors;

import org.eie.workflows.forms.NotFound;
import org.eie.workflows.forms.InvalidInput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pledges and funding coverage, for the Secretariat and the co-leads, on appeals they can see
 * (the engine's tenant check: a Lebanon co-lead records nothing on Colombia's appeal).
 */
@RestController
class PledgeController {

  private final PledgeBook pledges;
  private final DonorRegistry donors;
  private final AppealRequirements requirements;
  private final FundingCoverage coverage;
  private final DonorAccess access;
  private final HistoryService history;
  private final ActivityNames activityNames;

  PledgeController(PledgeBook pledges, DonorRegistry donors, AppealRequirements requirements,
      FundingCoverage coverage, DonorAccess access, HistoryService history,
      ActivityNames activityNames) {
    this.activityNames = activityNames;
    this.pledges = pledges;
    this.donors = donors;
    this.requirements = requirements;
    this.coverage = coverage;
    this.access = access;
    this.history = history;
  }

  @PostMapping("/api/pledges")
  @ResponseStatus(HttpStatus.CREATED)
  Pledge record(@RequestBody PledgeInput pledge) {
    String user = access.requireDonorManager();
    if (pledge.appealId() == null || pledge.appealId().isBlank()) {
      throw new InvalidInput("appealId", "is required");
    }
    if (!visible(pledge.appealId())) {
      throw new InvalidInput("appealId", "no appeal with this id that you can see");
    }
    return pledges.record(validated(pledge), user);
  }

  @PutMapping("/api/pledges/{id}")
  Pledge update(@PathVariable String id, @RequestBody PledgeInput pledge) {
    String user = access.requireDonorManager();
    Pledge existing = pledges.find(id).filter(found -> visible(found.appealId()))
        .orElseThrow(() -> new NotFound("No pledge " + id));
    if (pledge.appealId() != null && !pledge.appealId().equals(existing.appealId())) {
      throw new InvalidInput("appealId", "a pledge cannot move to another appeal");
    }
    var input = new PledgeInput(pledge.donorId(), existing.appealId(), pledge.activity(),
        pledge.amountUsd(), pledge.date(), pledge.status());
    return pledges.update(id, validated(input), user);
  }

  @GetMapping("/api/pledges")
  List<Pledge> ofAppeal(@RequestParam String appealId) {
    access.requireDonorManager();
    requireVisible(appealId);
    return pledges.ofAppeal(appealId);
  }

  @GetMapping("/api/appeal-coverage/{appealId}")
  Coverage coverage(@PathVariable String appealId) {
    access.requireDonorManager();
    requireVisible(appealId);
    return coverage.coverageOf(appealId);
  }

  private PledgeInput validated(PledgeInput pledge) {
    Optional<AppealRequirements.Requirements> known = requirements.of(pledge.appealId());
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    return pledge.validated(id -> donors.find(id).isPresent(), known, today, activityNames);
  }

  private void requireVisible(String appealId) {
    if (!visible(appealId)) {
      throw new NotFound("No appeal " + appealId);
    }
  }

  /** Under the caller's engine authentication: their grants and country tenants decide. */
  private boolean visible(String appealId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(appealId).count() > 0;
  }
}
