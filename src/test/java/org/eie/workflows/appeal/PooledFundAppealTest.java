package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.eie.workflows.appeal.AppealScenario.NOW;
import static org.eie.workflows.appeal.AppealScenario.clock;
import static org.eie.workflows.appeal.AppealScenario.project;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.eie.workflows.PostgresApplicationTest;
import org.eie.workflows.appeal.projects.ProjectSubmissions;
import org.eie.workflows.documents.DocumentStore;
import org.eie.workflows.documents.PdfStandards;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.language.Languages;
import org.eie.workflows.partners.PartnerOrganisationType;
import org.eie.workflows.partners.PartnerRegistry;
import org.eie.workflows.partners.RegisteredPartners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pooled funds' appeals run by their own rules (AppealType): a CERF rapid response appeal is
 * one package of UN agencies' projects (NGOs refused, implementing partners named, 6 months at
 * most), an ECW First Emergency Response appeal one inter-agency proposal of grantees (12 months
 * at most); each reaches its own section of the donors' PDF.
 */
class PooledFundAppealTest extends PostgresApplicationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DocumentStore documents;
  @Autowired
  ProjectSubmissions submissions;
  @Autowired
  PartnerRegistry registry;

  AppealScenario scenario;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    scenario = new AppealScenario(engine);
    clock(NOW);
    scenario.asSystem();
    RegisteredPartners.withUser(registry, engine.getIdentityService(), "LB",
        "Office of the UN High Commissioner for Refugees", "UNHCR", PartnerOrganisationType.UN_AGENCY,
        "lb.unhcr.partner");
    RegisteredPartners.withUser(registry, engine.getIdentityService(), "LB",
        "World Food Programme", "WFP", PartnerOrganisationType.UN_AGENCY, "lb.wfp.partner");
  }

  @AfterEach
  void tearDown() {
    scenario.asSystem();
    ClockUtil.reset();
  }

  static Map<String, Object> trigger(AppealType type) {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("appealType", type.name());
    return trigger;
  }

  static Map<String, Object> cerfProject(String title, long months, String implementingPartners) {
    Map<String, Object> form = project(title, "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 300000.0));
    form.put("durationMonths", months);
    if (implementingPartners != null) {
      form.put("implementingPartners", implementingPartners);
    }
    return form;
  }

  @Test
  void aCerfPackageIsTheUnAgenciesProjectsWithTheirImplementingPartnersAndRefusesNgos()
      throws IOException {
    ProcessInstance appeal = scenario.openCall(trigger(AppealType.CERF_RAPID_RESPONSE),
        "TEMPORARY_LEARNING_SPACES");

    // Only the registered UN agencies are offered the task; the country's NGOs are not.
    Assertions.assertThat(engine.getTaskService()
            .getIdentityLinksForTask(scenario.task(appeal, "Task_SubmitProject").getId())
            .stream().map(IdentityLink::getGroupId).toList())
        .containsExactlyInAnyOrder("partner-LB-unhcr", "partner-LB-wfp");

    // An NGO applying through the API is refused with the reason, before anything is recorded.
    scenario.as("partner.lb");
    try {
      assertThatThrownBy(() -> submissions.submit(appeal.getId(),
          cerfProject("NGO project", 6, "Lebanese Education Association")))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("may not apply in a CERF rapid response appeal")
          .hasMessageContaining("UN agencies and IOM");
    } finally {
      scenario.asSystem();
    }
    // ... and through the task itself (Tasklist, /engine-rest), which it is not even offered.
    assertThatThrownBy(() -> scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        cerfProject("NGO project", 6, "Lebanese Education Association")))
        .isInstanceOf(AuthorizationException.class);
    Assertions.assertThat(scenario.variable(appeal, "projects")).isNull();

    // A 7-month project and one naming no implementing partner are refused, by the field's label.
    assertThatThrownBy(() -> scenario.submit("lb.unhcr.partner", appeal, "Task_SubmitProject",
        cerfProject("Seven months", 7, "Lebanese Education Association")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> Assertions.assertThat(((InvalidInput) e).field())
            .isEqualTo("durationMonths"))
        .hasMessageContaining("Duration (months)").hasMessageContaining("at most 6 months");
    assertThatThrownBy(() -> scenario.submit("lb.unhcr.partner", appeal, "Task_SubmitProject",
        cerfProject("No partners", 6, null)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Implementing partners (CERF)");
    Assertions.assertThat(scenario.variable(appeal, "projects")).isNull();

    scenario.submit("lb.unhcr.partner", appeal, "Task_SubmitProject", cerfProject(
        "Learning spaces for displaced children", 6,
        "Lebanese Education Association\nNorwegian Refugee Council"));
    scenario.submit("lb.wfp.partner", appeal, "Task_SubmitProject",
        cerfProject("School meals in learning spaces", 4, "Caritas Lebanon"));
    PartnerProjects projects = (PartnerProjects) scenario.variable(appeal, "projects");
    Assertions.assertThat(projects.projects()).extracting(PartnerProject::partner,
            PartnerProject::implementingPartners)
        .containsExactly(
            Assertions.tuple("Office of the UN High Commissioner for Refugees",
                List.of("Lebanese Education Association", "Norwegian Refugee Council")),
            Assertions.tuple("World Food Programme", List.of("Caritas Lebanon")));

    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);

    String text = publishedText(appeal);
    Assertions.assertThat(text).contains("CERF rapid response package",
        "submitted to CERF as one by the Humanitarian Coordinator",
        "every project runs at most 6 months",
        "Applicant agencies and their implementing partners",
        "Office of the UN High Commissioner for Refugees UNHCR",
        "Lebanese Education Association Norwegian Refugee Council 6 months 300,000",
        "World Food Programme WFP", "Caritas Lebanon 4 months 300,000",
        "Implementing partners: Caritas Lebanon");
    everyLanguageIsVeraPdfClean(appeal, Map.of("en", "CERF rapid response package",
        "fr", "Dossier de réponse rapide du CERF", "es", "Paquete de respuesta rápida del CERF",
        "pt", "Pacote de resposta rápida do CERF",
        "ar", "حزمة الاستجابة السريعة للصندوق المركزي لمواجهة الطوارئ"), "Caritas Lebanon");
  }

  @Test
  void anEcwProposalNamesItsGranteesAndGrantsRunUpToTwelveMonths() throws IOException {
    ProcessInstance appeal = scenario.openCall(
        trigger(AppealType.ECW_FIRST_EMERGENCY_RESPONSE), "TEMPORARY_LEARNING_SPACES");
    Assertions.assertThat(engine.getTaskService()
            .getIdentityLinksForTask(scenario.task(appeal, "Task_SubmitProject").getId())
            .stream().map(IdentityLink::getGroupId).toList())
        .containsExactly("partners-LB");

    Map<String, Object> thirteen = new HashMap<>(project("Too long", "Beirut",
        Map.of("budgetTemporaryLearningSpaces", 100000.0)));
    thirteen.put("durationMonths", 13L);
    assertThatThrownBy(() -> scenario.submit("partner.lb", appeal, "Task_SubmitProject",
        thirteen))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Duration (months)")
        .hasMessageContaining("ECW First Emergency Response grant runs at most 12 months");
    Assertions.assertThat(scenario.variable(appeal, "projects")).isNull();

    Map<String, Object> twelve = new HashMap<>(project("Learning spaces for a school year",
        "Beirut", Map.of("budgetTemporaryLearningSpaces", 250000.0)));
    twelve.put("durationMonths", 12L);
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", twelve);
    scenario.submit("partner2.lb", appeal, "Task_SubmitProject", project(
        "Back to learning in Beirut", "Beirut", Map.of("budgetTemporaryLearningSpaces", 400000.0)));
    scenario.closeCall(appeal);
    scenario.vetAll(appeal, "ACCEPT");
    scenario.signOffAndEndorse(appeal);
    scenario.publish(appeal);

    String text = publishedText(appeal);
    Assertions.assertThat(text).contains(
        "ECW First Emergency Response: inter-agency proposal",
        "prepared by the Education Cluster as coordinating entity",
        "Every grant runs at most 12 months", "Grantee organisations",
        "Lebanese Education Association LEA", "12 months 250,000",
        "Norwegian Refugee Council NRC", "6 months 400,000");
    Assertions.assertThat(text).doesNotContain("Implementing partners");
    everyLanguageIsVeraPdfClean(appeal, Map.of("en", "Grantee organisations",
        "fr", "Organisations bénéficiaires", "es", "Organizaciones beneficiarias",
        "pt", "Organizações beneficiárias", "ar", "المنظمات المستفيدة من المنح"),
        "Norwegian Refugee Council");
  }

  private String publishedText(ProcessInstance appeal) throws IOException {
    assertThat(appeal).isWaitingAt("Gateway_RevisionWindow");
    byte[] pdf = documents.latest(appeal.getId(), "appeal").orElseThrow().content();
    Assertions.assertThat(PdfStandards.failures(pdf)).isEmpty();
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /**
   * The section in every language of the document, each veraPDF-clean: its title in that
   * language, and the organisations' names as entered.
   */
  private void everyLanguageIsVeraPdfClean(ProcessInstance appeal, Map<String, String> titles,
      String organisation) throws IOException {
    for (String language : Languages.CODES) {
      byte[] pdf = documents.rendering(appeal.getId(), "appeal", 1, language).orElseThrow()
          .content();
      Assertions.assertThat(PdfStandards.failures(pdf)).as(language).isEmpty();
      try (var document = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        Assertions.assertThat(text).as(language).contains(titles.get(language), organisation);
      }
    }
  }
}
