package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.partners.PartnerOrganisationType;
import org.eie.workflows.partners.PartnerRegistry;
import org.eie.workflows.partners.RegisteredPartners;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The appeal's forms in Tasklist as people fill them in (the trigger, activation, needs
 * assessment, response plan, partner project, its vetting and its revision). Typed at a person's
 * pace, a key every 150 ms, field after field in the order of the form, every text, number and
 * date reads back exactly as typed, on the screen and in what the server recorded ("Akkar" was once reported to
 * come out as "kar"). And what the forms say back: a rule across fields beside the field before
 * anything is sent, a refusal only the server can make in the user's words without the engine's
 * ids, the onset read back in words with a confirmation when it is old, a pooled fund's rules
 * (CERF, ECW) beside the fields of its own appeals only.
 */
class AppealFormsBrowserTest extends AppealInTasklistTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  // A pooled fund's rules, as the partner's form states them for that appeal type only.
  private static final String POOLED_IMPLEMENTING_PARTNERS = "Implementing partners (CERF)";
  private static final String POOLED_CERF_RULES = "CERF rapid response.";
  private static final String POOLED_ECW_RULES = "ECW First Emergency Response.";
  private static final String CONFIRMATION =
      "Yes: the emergency began on that date, more than two weeks ago";

  @Autowired
  PartnerRegistry registry;

  @Test
  void partnerProjectReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.openCall(akkarTrigger(), "TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    String taskId = scenario.task(appeal, "Task_SubmitProject").getId();

    form.logIn("partner.lb");
    form.openTask(taskId);
    Map<String, String> typed = fields(
        "Partner organisation", "LEA",
        "Project title", "Learning in Akkar",
        "Temporary learning spaces (USD)", "250000",
        "Psychosocial support (USD)", "42000.5",
        "Locations", "Akkar\nBeirut",
        "Girls targeted", "1200",
        "Boys targeted", "1100",
        "Female teachers targeted", "40",
        "Male teachers targeted", "20",
        "Of all targeted, people with disabilities", "150",
        "Duration (months)", "6");
    typeAndReadBack(typed);

    form.press("Complete");
    HeadlessBrowser.waitFor(browser, driver -> recorded(appeal).size() == 1);
    PartnerProject project = recorded(appeal).get(0);
    assertThat(project.title()).isEqualTo("Learning in Akkar");
    assertThat(project.partner()).isEqualTo("Lebanese Education Association");
    assertThat(project.locations()).containsExactly("Akkar", "Beirut");
    assertThat(project.activities()).extracting(ActivityBudget::budgetUsd)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("250000"), new BigDecimal("42000.5"));
    assertThat(project.targeted()).isEqualTo(new PeopleTargeted(1200, 1100, 40, 20, 150));
    assertThat(project.durationMonths()).isEqualTo(6);
  }

  @Test
  void triggerReadsBackEveryKeyTyped() {
    ClockUtil.reset();
    form.logIn("lb.unicef");
    form.openStartForm("Emergency funding appeal");
    form.choose("Country", "Lebanon");
    Map<String, String> typed = fields(
        "Emergency type", "Floods in Akkar " + System.nanoTime(),
        "Onset (date)", "12/1/2026",
        "Time (UTC)", "10:08",
        "Affected areas", "Akkar\nTripoli",
        "Situation summary", "Rivers burst their banks; 40 schools flooded.",
        "People affected (first estimate)", "300000",
        "Schools affected (first estimate)", "159");
    typeAndReadBack(typed);

    form.press("Start");
    HeadlessBrowser.waitFor(browser, driver -> !startedWith(typed.get("Emergency type")).isEmpty());
    AppealTrigger trigger = startedWith(typed.get("Emergency type")).get(0);
    assertThat(trigger.country()).isEqualTo("LB");
    assertThat(trigger.onset()).isEqualTo("2026-12-01T10:08Z");
    assertThat(trigger.affectedAreas()).containsExactly("Akkar", "Tripoli");
    assertThat(trigger.situationSummary()).isEqualTo(typed.get("Situation summary"));
    assertThat(trigger.peopleAffected()).isEqualTo(300000L);
    assertThat(trigger.schoolsAffected()).isEqualTo(159L);
  }

  @Test
  void vettingReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.openCall(akkarTrigger(), "TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Learning in Akkar", "Akkar", Map.of("budgetTemporaryLearningSpaces", 90000.0)));
    scenario.closeCall(appeal);
    String taskId = scenario.task(appeal, "Task_VetProject").getId();

    form.logIn("lb.savethechildren");
    form.openTask(taskId);
    Map<String, String> typed = fields(
        "Strategic relevance", "5",
        "Programmatic relevance", "4",
        "Cost-effectiveness", "3",
        "Management and monitoring", "4",
        "Accountability to affected people", "2");
    typeAndReadBack(typed);
    form.pick("Accept");
    Map<String, String> comment = Map.of("Comment", "Akkar needs it: fits the plan");
    typeAndReadBack(comment);

    form.press("Complete");
    HeadlessBrowser.waitFor(browser, driver -> !recorded(appeal).get(0).vettings().isEmpty());
    Vetting vetting = recorded(appeal).get(0).vettings().get(0);
    assertThat(vetting.ratings()).isEqualTo(new Scorecard.Ratings(5, 4, 3, 4, 2));
    assertThat(vetting.decision()).isEqualTo("ACCEPT");
    assertThat(vetting.comment()).isEqualTo("Akkar needs it: fits the plan");
  }

  @Test
  void activationReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.start(akkarTrigger());
    String taskId = scenario.task(appeal, "Task_ConfirmActivation").getId();

    form.logIn("lb.unicef");
    form.openTask(taskId);
    form.pick("Go: activate the appeal");
    Map<String, String> typed = fields(
        "Reason", "Flash Appeal requested by the HC\nAkkar schools flooded",
        "Appeal lead", "UNICEF and Save the Children");
    typeAndReadBack(typed);

    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.ACTIVATION) != null);
    Activation activation = (Activation) scenario.variable(appeal, AppealVariables.ACTIVATION);
    assertThat(activation.activated()).isTrue();
    assertThat(activation.reason()).isEqualTo(typed.get("Reason"));
    assertThat(activation.appealLead()).isEqualTo("UNICEF and Save the Children");
  }

  @Test
  void needsAssessmentReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.start(akkarTrigger());
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", AppealScenario.go());
    String taskId = scenario.task(appeal, "Task_RapidNeedsAssessment").getId();

    form.logIn("lb.savethechildren");
    form.openTask(taskId);
    // The affected areas come filled in from the trigger: the person replaces them.
    assertThat(form.value("Affected areas")).isEqualTo("Beirut\nAkkar\nMount Lebanon");
    Map<String, String> typed = fields(
        "Girls in need", "60000",
        "Boys in need", "55000",
        "Of whom children with disabilities", "4000",
        "Of whom migrants, refugees or displaced", "20000",
        "Of whom host community", "35000",
        "Schools damaged", "159",
        "Schools destroyed", "12",
        "Schools used as shelters", "20",
        "Teachers affected", "4000",
        "Affected areas", "Akkar\nBeirut",
        "Data gaps", "Teachers in Akkar not yet counted\nKarm el Akkar unreachable");
    typeAndReadBack(typed);

    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.NEEDS_ASSESSMENT) != null);
    NeedsAssessment needs =
        (NeedsAssessment) scenario.variable(appeal, AppealVariables.NEEDS_ASSESSMENT);
    assertThat(needs).usingRecursiveComparison().ignoringFields("assessedBy", "assessedAt")
        .isEqualTo(new NeedsAssessment(60000, 55000, 4000, 20000L, 35000L, 159, 12, 20, 4000,
            List.of("Akkar", "Beirut"), List.of("Teachers in Akkar not yet counted",
                "Karm el Akkar unreachable"), null, null));
  }

  @Test
  void responsePlanReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.start(akkarTrigger());
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", AppealScenario.go());
    scenario.submit("lb.savethechildren", appeal, "Task_RapidNeedsAssessment",
        AppealScenario.assessment());
    String taskId = scenario.task(appeal, "Task_DraftResponsePlan").getId();

    form.logIn("lb.unicef");
    form.openTask(taskId);
    typeAndReadBack(fields("Objectives", "Akkar children back to learning in 30 days\nTeachers"
        + " supported"));
    form.tick("Temporary learning spaces");
    form.tick("Psychosocial support");
    Map<String, String> typed = fields(
        "Girls targeted", "30000",
        "Boys targeted", "28000",
        "Female teachers targeted", "900",
        "Male teachers targeted", "600",
        "Of all targeted, people with disabilities", "2000",
        "Indicative requirement (USD)", "5000000",
        "Temporary learning spaces: indicator", "Children in Akkar attending learning spaces",
        "Temporary learning spaces: target", "12000",
        "Temporary learning spaces: indicative requirement (USD)", "2400000",
        "Psychosocial support: indicator", "Children in Akkar reached with support",
        "Psychosocial support: target", "8000",
        "Psychosocial support: indicative requirement (USD)", "1100000.5",
        "Submission deadline for partner projects (date)", "11/27/2026",
        "Time (UTC)", "17:30");
    typeAndReadBack(typed);
    // The time field's list of times is open over the foot of the form: the person leaves the
    // field (Tab), which closes it, then clicks Complete with the mouse.
    form.leave("Time (UTC)");
    form.click("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.RESPONSE_PLAN) != null);
    PlannedResponse plan =
        (PlannedResponse) scenario.variable(appeal, AppealVariables.RESPONSE_PLAN);
    assertThat(plan.objectives()).containsExactly("Akkar children back to learning in 30 days",
        "Teachers supported");
    assertThat(plan.priorityActivities())
        .containsExactly("TEMPORARY_LEARNING_SPACES", "PSYCHOSOCIAL_SUPPORT");
    assertThat(plan.targeted()).isEqualTo(new PeopleTargeted(30000, 28000, 900, 600, 2000));
    assertThat(plan.indicativeRequirementUsd()).isEqualByComparingTo("5000000");
    assertThat(plan.submissionDeadline()).isEqualTo("2026-11-27T17:30Z");
    assertThat(plan.activityPlans()).usingRecursiveFieldByFieldElementComparator(
            RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
        .containsExactly(
            new PlannedResponse.ActivityPlan("TEMPORARY_LEARNING_SPACES",
                "Children in Akkar attending learning spaces", new BigDecimal("12000"),
                new BigDecimal("2400000")),
            new PlannedResponse.ActivityPlan("PSYCHOSOCIAL_SUPPORT",
                "Children in Akkar reached with support", new BigDecimal("8000"),
                new BigDecimal("1100000.5")));
  }

  /**
   * The decisions after consolidation, each typed by its own person: Save the Children sends the
   * appeal back with a comment, UNICEF confirms the figures with a comment, and after both sign
   * off the Humanitarian Coordinator's office sends it back with a reason. Each text reads back
   * as typed, on the screen, in the next person's form and in what the server recorded.
   */
  @Test
  void decisionsAfterConsolidationReadBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.signedForUnicef();

    form.logIn("lb.savethechildren");
    form.openTask(scenario.task(appeal, "Task_SignOffSaveTheChildren").getId());
    form.pick("Send back to consolidation");
    Map<String, String> signOff = fields("Comment", "Add the second location in Akkar");
    typeAndReadBack(signOff);
    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> !scenario.tasks(appeal, "Task_ReviewConsolidation").isEmpty());
    SignOffs signOffs = (SignOffs) scenario.variable(appeal, AppealVariables.SIGN_OFFS);
    assertThat(signOffs.decisions()).extracting(SignOff::comment)
        .contains("Add the second location in Akkar");

    form.logIn("lb.unicef");
    form.openTask(scenario.task(appeal, "Task_ReviewConsolidation").getId());
    assertThat(form.value("Sent back at sign-off")).contains("Add the second location in Akkar");
    form.pick("Confirm the figures as consolidated");
    typeAndReadBack(fields("Comment", "Akkar's second site opens in phase 2"));
    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.CONSOLIDATION_REVIEW) != null);
    assertThat(((ConsolidationReview) scenario.variable(appeal,
        AppealVariables.CONSOLIDATION_REVIEW)).comment())
        .isEqualTo("Akkar's second site opens in phase 2");

    scenario.submit("lb.unicef", appeal, "Task_SignOffUnicef",
        AppealScenario.signOff("APPROVE", null));
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    form.logIn("lb.hc");
    form.openTask(scenario.task(appeal, "Task_EndorseAppeal").getId());
    form.pick("Send back to the co-leads");
    typeAndReadBack(fields("Reason for sending back", "Akkar's figures: 12 000 children"));
    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.ENDORSEMENT) != null);
    assertThat(((Endorsement) scenario.variable(appeal, AppealVariables.ENDORSEMENT)).reason())
        .isEqualTo("Akkar's figures: 12 000 children");
  }

  /**
   * "Revise the appeal" after the JENA: the co-lead writes why, and replaces published figures
   * the form came filled in with, as a person does (select all, type anew).
   */
  @Test
  void appealRevisionReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.signedForUnicef();
    scenario.submit("lb.savethechildren", appeal, "Task_SignOffSaveTheChildren",
        AppealScenario.signOff("APPROVE", null));
    scenario.endorse(appeal);
    scenario.publish(appeal);
    AppealScenario.clock(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(30)));
    scenario.runJob(appeal, "Event_RevisionDue");

    form.logIn("lb.unicef");
    form.openTask(scenario.task(appeal, "Task_ReviseAppeal").getId());
    typeAndReadBack(fields(
        "What the JENA found", "JENA: 4 more schools damaged in Akkar\nMore girls out of school",
        "Girls in need", "46500",
        "Schools damaged", "124",
        "Data gaps", "Akkar's Karm el Akkar still unreachable"));
    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.REVISION) != null);
    assertThat(((AppealRevision) scenario.variable(appeal, AppealVariables.REVISION)).reason())
        .isEqualTo("JENA: 4 more schools damaged in Akkar\nMore girls out of school");
    NeedsAssessment needs =
        (NeedsAssessment) scenario.variable(appeal, AppealVariables.NEEDS_ASSESSMENT);
    assertThat(needs.girlsInNeed()).isEqualTo(46500);
    assertThat(needs.schoolsDamaged()).isEqualTo(124);
    assertThat(needs.dataGaps()).containsExactly("Akkar's Karm el Akkar still unreachable");
  }

  /** The global co-lead's note on an overdue assessment reads back as typed. */
  @Test
  void overdueFollowUpReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.start(akkarTrigger());
    scenario.submit("lb.unicef", appeal, "Task_ConfirmActivation", AppealScenario.go());
    AppealScenario.clock(AppealScenario.ONSET.plus(java.time.Duration.ofHours(73)));
    scenario.runJob(appeal, "Event_AssessmentOverdue");

    form.logIn("gec.unicef");
    form.openTask(scenario.task(appeal, "Task_FollowUpOverdueAssessment").getId());
    typeAndReadBack(fields("What was agreed with the country co-leads",
        "IMO support from Geneva for Akkar\nAssessment by 9 December"));
    form.press("Complete");
    HeadlessBrowser.waitFor(browser,
        driver -> scenario.tasks(appeal, "Task_FollowUpOverdueAssessment").isEmpty());
    assertThat(scenario.variable(appeal, "followUpNote"))
        .isEqualTo("IMO support from Geneva for Akkar\nAssessment by 9 December");
  }

  @Test
  void projectRevisionReadsBackEveryKeyTyped() {
    ProcessInstance appeal = scenario.openCall(akkarTrigger(), "TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Learning kits", "Beirut", Map.of("budgetTemporaryLearningSpaces", 300000.0)));
    scenario.closeCall(appeal);
    scenario.submit("lb.unicef", appeal, "Task_VetProject",
        AppealScenario.vetting("RETURN", "Budget too high per child"));
    String taskId = scenario.task(appeal, "Task_ReviseProject").getId();

    form.logIn("partner.lb");
    form.openTask(taskId);
    // The project comes back as submitted: the partner replaces what they change.
    assertThat(form.value("Project title")).isEqualTo("Learning kits");
    Map<String, String> typed = fields(
        "Project title", "Learning kits for Akkar",
        "Temporary learning spaces (USD)", "180000",
        "Psychosocial support (USD)", "50000.25",
        "Locations", "Akkar\nBeirut",
        "Girls targeted", "1300",
        "Boys targeted", "1250",
        "Female teachers targeted", "45",
        "Male teachers targeted", "25",
        "Of all targeted, people with disabilities", "160",
        "Duration (months)", "9");
    typeAndReadBack(typed);

    form.press("Complete");
    HeadlessBrowser.waitFor(browser, driver -> recorded(appeal).get(0).revision() == 2);
    PartnerProject project = recorded(appeal).get(0);
    assertThat(project.title()).isEqualTo("Learning kits for Akkar");
    assertThat(project.locations()).containsExactly("Akkar", "Beirut");
    assertThat(project.activities()).extracting(ActivityBudget::budgetUsd)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("180000"), new BigDecimal("50000.25"));
    assertThat(project.targeted()).isEqualTo(new PeopleTargeted(1300, 1250, 45, 25, 160));
    assertThat(project.durationMonths()).isEqualTo(9);
  }

  /**
   * Characters lost as they were met: a number typed, then the next field clicked with the mouse
   * (or reached with Tab) and typed into at once. The form redrew itself 300 ms after the number
   * field was left and put back what the next field held before, dropping the keys typed in that
   * moment: "Learning in Akkar" came out as "arning in Akkar" (tasklist/eie/keystrokes.js).
   */
  @Test
  void textTypedRightAfterLeavingANumberKeepsEveryKey() {
    ProcessInstance appeal = scenario.openCall(akkarTrigger(), "TEMPORARY_LEARNING_SPACES",
        "PSYCHOSOCIAL_SUPPORT");
    form.logIn("partner.lb");
    form.openTask(scenario.task(appeal, "Task_SubmitProject").getId());

    // Tab, Tab, Tab: past the two budgets this appeal does not ask for, into Locations.
    form.typeThenTabAndType("Psychosocial support (USD)", "42000.5", "\t\tAkkar\nBeirut");
    form.typeThenTabAndType("Girls targeted", "1200", "250");
    form.typeThenClickAndType("Temporary learning spaces (USD)", "250000", "Project title",
        "Learning in Akkar");
    form.typeThenClickAndType("Female teachers targeted", "40", "Partner organisation", "LEA");

    assertThat(form.value("Locations")).isEqualTo("Akkar\nBeirut");
    assertThat(form.value("Psychosocial support (USD)")).isEqualTo("42000.5");
    assertThat(form.value("Boys targeted")).isEqualTo("250");
    assertThat(form.value("Project title")).isEqualTo("Learning in Akkar");
    assertThat(form.value("Partner organisation")).isEqualTo("LEA");
  }

  @Test
  void partnerSeesTheRuleBesideTheFieldAndTheServersRefusalInWords() {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("affectedAreas", "Beirut\nAkkar");
    ProcessInstance appeal = scenario.openCall(trigger, "TEMPORARY_LEARNING_SPACES");
    form.logIn("partner.lb");
    form.openTask(scenario.task(appeal, "Task_SubmitProject").getId());

    form.type("Project title", "Learning in Akkar");
    form.type("Temporary learning spaces (USD)", "90000");
    form.type("Locations", "Akkar\nipoli");
    form.type("Girls targeted", "100");
    form.type("Boys targeted", "100");
    form.type("Female teachers targeted", "10");
    form.type("Male teachers targeted", "10");
    form.type("Of all targeted, people with disabilities", "500");
    form.type("Duration (months)", "0");
    form.type("Project title", "!");

    assertThat(form.errorsBeside("Of all targeted, people with disabilities"))
        .anySatisfy(error -> assertThat(error).contains("220"));
    assertThat(form.errorsBeside("Duration (months)"))
        .anySatisfy(error -> assertThat(error).contains("1"));

    form.retype("Of all targeted, people with disabilities", "20");
    form.retype("Duration (months)", "6");
    form.press("Complete");

    WebElement refusal = HeadlessBrowser.waitFor(browser, driver -> driver.findElements(
            By.xpath("//div[contains(@class,'alert')][contains(., 'Locations')]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(refusal.getText())
        .contains("Locations: ipoli is not an affected area of this appeal; choose from: Beirut,"
            + " Akkar")
        .doesNotContainPattern(UUID).doesNotContain("Cannot submit task form");
    assertThat(scenario.variable(appeal, AppealVariables.PROJECTS)).isNull();
  }

  @Test
  void onsetIsReadBackInWordsAndAnOldOneNeedsConfirmation() {
    ClockUtil.reset(); // the browser's today and the server's are the same day
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate recent = today.minusDays(3);
    LocalDate old = today.minusDays(20);
    String emergency = "Landslide " + System.nanoTime();

    form.logIn("lb.unicef");
    form.openStartForm("Emergency funding appeal");
    form.choose("Country", "Lebanon");
    form.type("Emergency type", emergency);
    form.type("Onset (date)", monthDayYear(recent));
    form.type("Time (UTC)", "06:30");
    form.type("Affected areas", "Akkar");
    assertThat(form.text("Onset as read")).isEqualTo("Onset as read: " + inWords(recent)
        + ", 3 days ago");
    assertThat(form.shows(CONFIRMATION)).isFalse();

    form.retype("Onset (date)", monthDayYear(old));
    form.type("Situation summary", "Roads cut; 12 schools buried.");
    assertThat(form.text("Onset as read")).isEqualTo("Onset as read: " + inWords(old)
        + ", 20 days ago");
    assertThat(form.shows(CONFIRMATION)).isTrue();

    form.press("Start");
    HeadlessBrowser.waitFor(browser, driver -> !form.errorsBeside(CONFIRMATION).isEmpty());
    assertThat(startedWith(emergency)).isEmpty();

    form.tick(CONFIRMATION);
    form.press("Start");
    HeadlessBrowser.waitFor(browser, driver -> !startedWith(emergency).isEmpty());
    assertThat(startedWith(emergency).get(0).onset()).isEqualTo(old + "T06:30Z");
  }

  private static String monthDayYear(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
  }

  /** "Tuesday 10 November 2026". */
  private static String inWords(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
        + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " " + day.getYear();
  }

  @Test
  void aCerfAgencyReadsTheFundsRulesNamesItsImplementingPartnersAndIsHeldToSixMonths() {
    RegisteredPartners.withUser(registry, engine.getIdentityService(), "LB",
        "Office of the UN High Commissioner for Refugees", "UNHCR",
        PartnerOrganisationType.UN_AGENCY, "lb.unhcr.partner");
    ProcessInstance appeal = scenario.openCall(
        PooledFundAppealTest.trigger(AppealType.CERF_RAPID_RESPONSE), "TEMPORARY_LEARNING_SPACES");
    form.logIn("lb.unhcr.partner");
    form.openTask(scenario.task(appeal, "Task_SubmitProject").getId());

    assertThat(shown(POOLED_CERF_RULES)).isTrue();
    assertThat(shown(POOLED_ECW_RULES)).isFalse();
    form.type("Project title", "Learning spaces for displaced children");
    form.type(POOLED_IMPLEMENTING_PARTNERS, "Lebanese Education Association\nCaritas Lebanon");
    form.type("Temporary learning spaces (USD)", "300000");
    form.type("Locations", "Beirut");
    form.type("Girls targeted", "100");
    form.type("Boys targeted", "100");
    form.type("Female teachers targeted", "10");
    form.type("Male teachers targeted", "10");
    form.type("Of all targeted, people with disabilities", "20");
    form.type("Duration (months)", "7");
    form.type("Project title", " ");

    HeadlessBrowser.waitFor(browser, driver -> !form.errorsBeside("Duration (months)").isEmpty());
    assertThat(form.errorsBeside("Duration (months)"))
        .anySatisfy(error -> assertThat(error).contains("6"));
    form.retype("Duration (months)", "6");
    form.press("Complete");

    HeadlessBrowser.waitFor(browser, driver -> scenario.variable(appeal,
        AppealVariables.PROJECTS) != null);
    PartnerProject project = ((PartnerProjects) scenario.variable(appeal,
        AppealVariables.PROJECTS)).projects().get(0);
    assertThat(project.partner()).isEqualTo("Office of the UN High Commissioner for Refugees");
    assertThat(project.implementingPartners())
        .containsExactly("Lebanese Education Association", "Caritas Lebanon");
    assertThat(project.durationMonths()).isEqualTo(6);
  }

  @Test
  void anEcwGranteeReadsTheTwelveMonthRuleAndIsNotAskedForImplementingPartners() {
    ProcessInstance appeal = scenario.openCall(
        PooledFundAppealTest.trigger(AppealType.ECW_FIRST_EMERGENCY_RESPONSE),
        "TEMPORARY_LEARNING_SPACES");
    form.logIn("partner.lb");
    form.openTask(scenario.task(appeal, "Task_SubmitProject").getId());

    assertThat(shown(POOLED_ECW_RULES)).isTrue();
    assertThat(shown(POOLED_CERF_RULES)).isFalse();
    assertThat(shown(POOLED_IMPLEMENTING_PARTNERS)).isFalse();
    form.type("Duration (months)", "13");
    form.type("Project title", "Learning for a school year");
    HeadlessBrowser.waitFor(browser, driver -> !form.errorsBeside("Duration (months)").isEmpty());
    assertThat(form.errorsBeside("Duration (months)"))
        .anySatisfy(error -> assertThat(error).contains("12"));
    form.retype("Duration (months)", "12");
    HeadlessBrowser.waitFor(browser, driver -> form.errorsBeside("Duration (months)").isEmpty());
    assertThat(scenario.variable(appeal, AppealVariables.PROJECTS)).isNull();
  }

  /** Whether the form shows text starting with these words (a rule, or a field's label). */
  private boolean shown(String words) {
    HeadlessBrowser.waitFor(browser, driver -> !driver.findElements(
        By.cssSelector(".fjs-form label[for]")).isEmpty());
    return browser.findElements(By.xpath("//*[contains(@class,'fjs-form')]//*[self::label or"
            + " self::p or self::strong][starts-with(normalize-space(), '" + words + "')]"))
        .stream().anyMatch(WebElement::isDisplayed);
  }

  /** Labels and what is typed into them, in the order of the form. */
  private static Map<String, String> fields(String... labelsAndTexts) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndTexts.length; i += 2) {
      fields.put(labelsAndTexts[i], labelsAndTexts[i + 1]);
    }
    return fields;
  }

  /**
   * Types every field in order (replacing what a field came filled in with), then reads every one
   * back as the person sees it.
   */
  private void typeAndReadBack(Map<String, String> typed) {
    typed.forEach((label, text) -> {
      if (form.value(label).isEmpty()) {
        form.type(label, text);
      } else {
        form.retype(label, text);
      }
    });
    Map<String, String> shown = new LinkedHashMap<>();
    typed.keySet().forEach(label -> shown.put(label, form.value(label)));
    assertThat(shown).containsExactlyEntriesOf(typed);
  }

  private List<AppealTrigger> startedWith(String emergencyType) {
    scenario.asSystem();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("emergencyFundingAppeal").list().stream()
        .map(instance -> (AppealTrigger) engine.getRuntimeService()
            .getVariable(instance.getId(), AppealVariables.TRIGGER))
        .filter(trigger -> trigger != null && emergencyType.equals(trigger.emergencyType()))
        .toList();
  }

  private static Map<String, Object> akkarTrigger() {
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("affectedAreas", "Beirut\nAkkar\nMount Lebanon");
    return trigger;
  }

  private List<PartnerProject> recorded(ProcessInstance appeal) {
    Object projects = scenario.variable(appeal, AppealVariables.PROJECTS);
    return projects == null ? List.of() : ((PartnerProjects) projects).projects();
  }
}
