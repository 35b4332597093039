package org.eie.workflows.training;

import org.eie.workflows.Processes;
import org.eie.workflows.forms.NotFound;
import org.eie.workflows.documents.PdfDownload;
import org.eie.workflows.forms.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.identity.CurrentUser;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.identity.RoleActions;
import org.eie.workflows.training.TrainingRecords.Withdrawal;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rollout's REST API. Every engine call runs as the caller (see security/), so the engine's
 * authorizations and country tenants decide: only the Secretariat starts a rollout, and a
 * country's co-leads (or the Secretariat, or the global co-leads) withdraw a country they can
 * see, through {@link RoleActions}, which records who and why.
 */
@RestController
@RequestMapping("/api/training-rollouts")
class TrainingRolloutController {


  private final RuntimeService runtime;
  private final CurrentUser user;
  private final DocumentStore documents;
  private final EieProperties eie;
  private final TrainingProperties training;
  private final RoleActions actions;

  TrainingRolloutController(RuntimeService runtime, CurrentUser user,
      DocumentStore documents, EieProperties eie, TrainingProperties training,
      RoleActions actions) {
    this.actions = actions;
    this.runtime = runtime;
    this.user = user;
    this.documents = documents;
    this.eie = eie;
    this.training = training;
  }

  /** The body of a new rollout; lists are JSON arrays. */
  record StartRollout(String packageVersion, List<String> modules, List<String> countries,
      List<String> languages, Integer evaluationPeriodDays, String reportLanguage) {
  }

  record Started(String id, String businessKey, String packageVersion, List<String> countries,
      List<String> languages, int evaluationPeriodDays) {
  }

  record WithdrawCountry(String reason) {
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Started> start(@RequestBody StartRollout body) {
    if (body == null) {
      throw new InvalidInput("packageVersion", "is required");
    }
    var request = RolloutRequest.validated(RolloutRequest.values(body.packageVersion(),
            body.modules(), body.countries(), body.languages(), body.evaluationPeriodDays(),
            body.reportLanguage()), eie.countries().keySet(), training.evaluationPeriodDays());
    String businessKey = NormaliseRolloutRequest.businessKey(request.packageVersion());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(TrainingVariables.PACKAGE_VERSION, request.packageVersion());
    variables.put(TrainingVariables.MODULES, JsonVariables.json(request.modules()));
    variables.put(TrainingVariables.COUNTRIES, JsonVariables.json(request.countries()));
    variables.put(TrainingVariables.LANGUAGES, JsonVariables.json(request.languages()));
    variables.put(TrainingVariables.EVALUATION_PERIOD_DAYS, request.evaluationPeriodDays());
    variables.put(TrainingVariables.REPORT_LANGUAGE, request.reportLanguage());
    var instance = runtime.createProcessInstanceByKey(Processes.TRAINING).businessKey(businessKey)
        .setVariables(variables).execute();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(instance.getId(),
        businessKey, request.packageVersion(), request.countries(), request.languages(),
        request.evaluationPeriodDays()));
  }

  /**
   * Withdraws one country from a running rollout (a security situation, say); the other countries
   * carry on. 404 when the caller cannot see that country's rollout or it has already finished.
   */
  @PostMapping(path = "/{id}/countries/{country}/withdrawal",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String country,
      @RequestBody WithdrawCountry body) {
    String reason = RoleActions.reason(body == null ? null : body.reason());
    var countryRollout = runtime.createProcessInstanceQuery().superProcessInstanceId(id)
        .processDefinitionKey(Processes.TRAINING_COUNTRY)
        .variableValueEquals(TrainingVariables.COUNTRY, country.toUpperCase(java.util.Locale.ROOT))
        .active().singleResult();
    if (countryRollout == null) {
      throw new NotFound("No running rollout in " + country + " of a rollout " + id
          + " that you may see");
    }
    List<String> waitingAt = runtime.getActiveActivityIds(countryRollout.getId());
    String stage = waitingAt.contains("Task_PlanWorkshop") ? "planning"
        : waitingAt.contains("Task_DeliverWorkshop") ? "delivery" : "evaluation";
    var withdrawal = new Withdrawal(reason, user.recordedId(),
        ClockUtil.now().toInstant().toString(), stage);
    String code = countryRollout.getTenantId();
    actions.take("withdraw a country from the training rollout", countryRollout.getId(), code,
        reason, List.of(Groups.coLeadsOf(code), Groups.SECRETARIAT, Groups.GLOBAL_CO_LEADS),
        () -> {
          runtime.createMessageCorrelation(TrainingVariables.WITHDRAWAL_MESSAGE)
              .processInstanceId(countryRollout.getId())
              .setVariable(TrainingVariables.WITHDRAWAL, JsonVariables.json(withdrawal))
              .correlate();
          return withdrawal;
        });
    return ResponseEntity.noContent().build();
  }

  /** The newest rollout report, for whoever may see the rollout (the Secretariat); 404 otherwise. */
  @GetMapping("/{id}/document")
  ResponseEntity<byte[]> document(@PathVariable String id) {
    return documents.latestVisible(id, ProduceRolloutReport.KIND)
        .map(PdfDownload::of)
        .orElseThrow(() -> new NotFound("No rollout report of a rollout " + id
            + " that you may see"));
  }
}
