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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eie.workflows.HeadlessBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The appeal's forms in Tasklist as people fill them in (the trigger, activation, needs
 * assessment, partner project, its vetting and its revision). Typed at a person's pace, a key every
 * 150 ms, field after field in the order of the form, every text, number and date reads back
 * exactly as typed, on the screen and in what the server recorded ("Akkar" was once reported to
 * come out as "kar"). And what the forms say back: a rule across fields beside the field before
 * anything is sent, a refusal only the server can make in the user's words without the engine's
 * ids, the onset read back in words with a confirmation when it is old.
 */
class AppealFormsBrowserTest extends AppealInTasklistTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String CONFIRMATION =
      "Yes: the emergency began on that date, more than two weeks ago";

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
