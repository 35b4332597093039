package org.eie.workflows.appeal.document;

import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.DOCUMENT_KIND;
import static org.eie.workflows.appeal.AppealVariables.LANGUAGE;
import static org.eie.workflows.appeal.AppealVariables.NEEDS_ASSESSMENT;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.RESPONSE_PLAN;
import static org.eie.workflows.appeal.AppealVariables.SIGN_OFFS;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.appeal.AppealChanges;
import org.eie.workflows.appeal.AppealRevision;
import org.eie.workflows.appeal.AppealTrigger;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.appeal.Consolidation;
import org.eie.workflows.appeal.FourEyesCheck;
import org.eie.workflows.appeal.NeedsAssessment;
import org.eie.workflows.appeal.PartnerProjects;
import org.eie.workflows.appeal.PlannedResponse;
import org.eie.workflows.appeal.SignOff;
import org.eie.workflows.appeal.SignOffs;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.StoredDocument;
import org.eie.workflows.donors.Coverage;
import org.eie.workflows.donors.FundingCoverage;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.partners.PartnerOrganisation;
import org.eie.workflows.partners.PartnerRegistry;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Stores the next version of a signed-off appeal (its data, {@link AppealVersion}) with its PDF
 * in the appeal's language, versioned and checksummed, for {@code GET /api/appeals/{id}/document}
 * and the donors (who get it in their own language, laid out when first needed). Runs as an asynchronous job (asyncBefore in the
 * BPMN): a rendering or storage failure is retried and then shows as an incident in Cockpit,
 * while the signed-off appeal stays safe at this step.
 */
@Component
class GenerateAppealDocument implements JavaDelegate {

  private final DocumentStore store;
  private final EieProperties properties;
  private final IdentityService identity;
  private final FundingCoverage coverage;
  private final FourEyesCheck fourEyes;
  private final PartnerRegistry registry;

  GenerateAppealDocument(DocumentStore store,
      EieProperties properties, IdentityService identity, FundingCoverage coverage,
      FourEyesCheck fourEyes, PartnerRegistry registry) {
    this.fourEyes = fourEyes;
    this.store = store;
    this.properties = properties;
    this.identity = identity;
    this.coverage = coverage;
    this.registry = registry;
  }

  /**
   * What donors have committed or paid so far (issue 6's pledges), printed in this version; null
   * while no pledge is recorded, so the document says nothing rather than "0 % funded".
   */
  private AppealDocument.Funding funding(String appealId, LocalDate today) {
    Coverage current = coverage.coverageOf(appealId);
    boolean known = current.fundedUsd().signum() > 0 || current.pledgedUsd().signum() > 0;
    return known ? funding(current, today) : null;
  }

  /** The coverage as the document prints it: FTS's figures, taken today from our register. */
  static AppealDocument.Funding funding(Coverage current, LocalDate asOf) {
    return new AppealDocument.Funding(current.requiredUsd(), current.committedUsd(),
        current.paidUsd(), current.pledgedUsd(), asOf, SOURCE_PLEDGE_REGISTER,
        current.byActivity().stream().map(a -> new AppealDocument.ActivityFunding(a.activity(),
            a.requiredUsd(), a.fundedUsd(), a.pledgedUsd())).toList());
  }

  /** The funding figures' source: the pledges recorded in this application (bundle key). */
  static final String SOURCE_PLEDGE_REGISTER = "PLEDGE_REGISTER";

  @Override
  public void execute(DelegateExecution execution) {
    String country = (String) execution.getVariable(COUNTRY);
    // Who signed comes from the engine's record, verified; the variable adds only comments.
    SignOffs signOffs = fourEyes.verified(execution.getProcessInstanceId(), country,
        JsonVariables.read(execution, SIGN_OFFS, SignOffs.class));
    // Who endorsed for the Humanitarian Coordinator: the engine's record too, never a variable.
    FourEyesCheck.Endorser endorsement = fourEyes.endorsement(execution.getProcessInstanceId(),
        execution.getProcessDefinitionId(), country).orElse(null);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)
        .toLocalDate();
    int version = store.latestVersion(execution.getProcessInstanceId(), DOCUMENT_KIND)
        .orElse(0) + 1;
    AppealDocument document = AppealDocumentMapper.map(
        properties.countries().getOrDefault(country, country),
        JsonVariables.read(execution, TRIGGER, AppealTrigger.class),
        JsonVariables.read(execution, NEEDS_ASSESSMENT, NeedsAssessment.class),
        JsonVariables.read(execution, RESPONSE_PLAN, PlannedResponse.class),
        PartnerProjects.of(execution),
        JsonVariables.read(execution, AppealVariables.CONSOLIDATION, Consolidation.class),
        registeredPartners(country), signOffs, signatories(signOffs), endorsement, today, version,
        funding(execution.getProcessInstanceId(), today));
    Object language = execution.getVariable(LANGUAGE);
    Locale locale = Locale.forLanguageTag(language == null ? "en" : language.toString());
    // A revision compares itself with the version donors last received, as it was published.
    AppealChanges.PublishedFigures figures = AppealDocumentMapper.publishedFigures(document);
    AppealChanges changes = null;
    var previous = JsonVariables.read(execution, AppealVariables.PUBLISHED_FIGURES,
        AppealChanges.PublishedFigures.class);
    if (previous != null && previous.version() < version) {
      AppealRevision revision = JsonVariables.read(execution, AppealVariables.REVISION,
          AppealRevision.class);
      changes = AppealChanges.between(previous, figures,
          revision == null ? null : revision.reason());
    }
    // The version is its signed-off data; the appeal's own language is laid out now (figures
    // that do not add up stop here), every other language when a donor or a reader needs it.
    StoredDocument stored = store.storeVersion(execution.getProcessInstanceId(), DOCUMENT_KIND,
        version, country, locale.getLanguage(), new AppealVersion(
            AppealFileName.of(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                version, null), document, changes).json());
    execution.setVariable("documentVersion", stored.version());
    execution.setVariable("documentSha256", stored.sha256());
    execution.setVariable(AppealVariables.PUBLISHED_FIGURES, JsonVariables.json(figures));
    if (changes == null) {
      execution.removeVariable(AppealVariables.VERSION_CHANGES);
    } else {
      execution.setVariable(AppealVariables.VERSION_CHANGES,
          JsonVariables.json(changes.summary()));
    }
  }

  /** The country's registered partner organisations, as the document names them, by id. */
  private Map<String, AppealDocument.Partner> registeredPartners(String country) {
    Map<String, AppealDocument.Partner> partners = new HashMap<>();
    for (PartnerOrganisation organisation : registry.ofCountry(country)) {
      partners.put(organisation.id(), new AppealDocument.Partner(organisation.name(),
          organisation.acronym(), AppealDocument.PartnerType.valueOf(organisation.type().name())));
    }
    return partners;
  }

  private Map<String, AppealDocumentMapper.Signatory> signatories(SignOffs signOffs) {
    Map<String, AppealDocumentMapper.Signatory> signatories = new HashMap<>();
    for (SignOff signOff : signOffs.currentApprovals()) {
      // The job may run on behalf of a user who cannot browse users: read past the checks.
      var command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
      User user = command.runWithoutAuthorization(
          () -> identity.createUserQuery().userId(signOff.userId()).singleResult());
      signatories.put(signOff.userId(), new AppealDocumentMapper.Signatory(signOff.userId(),
          signOff.userName(), user == null ? null : user.getEmail()));
    }
    return signatories;
  }
}
