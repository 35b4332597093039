package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.eie.workflows.HeadlessBrowser;
import org.eie.workflows.language.PersonalLanguage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist shows each person the forms in the language they chose: a Colombian co-lead who chose
 * Spanish reads the appeal's start form and the activation in Spanish and completes it with a
 * Spanish option; the Arabic Language Community's facilitator reads her translation task in
 * Arabic, right to left.
 */
class FormsInTheirLanguageBrowserTest extends AppealInTasklistTest {

  private static final String SPANISH = "co.unicef";
  private static final String ARABIC = "facilitator.ar";
  private static final String SPANISH_VETTER = "lb.savethechildren";
  private static final String STRATEGIC = "Pertinencia estratégica (ponderación 35)";
  private static final String PROGRAMMATIC = "Pertinencia programática (ponderación 25)";

  @Autowired
  PersonalLanguage languages;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void forgetTheChoices() {
    jdbc.sql("delete from eie_user_language where user_id in (?, ?, ?)")
        .params(SPANISH, ARABIC, SPANISH_VETTER).update();
  }

  @Test
  void aCoLeadWhoChoseSpanishReadsAndCompletesTheFormsInSpanish() {
    languages.choose(SPANISH, "es");
    Map<String, Object> trigger = new HashMap<>(AppealScenario.trigger());
    trigger.put("country", "CO");
    trigger.put("affectedAreas", "Arauca\nCúcuta");
    ProcessInstance appeal = scenario.start(SPANISH, trigger);
    String taskId = scenario.task(appeal, "Task_ConfirmActivation").getId();

    form.logIn(SPANISH);
    form.openTask(taskId);
    assertThat(form.text("Confirmar la activación")).contains("Decida si el clúster participa");
    assertThat(labels()).contains("Decisión", "Sí: activar el llamamiento", "No: no activar");
    assertThat(form.shows("Motivo")).isTrue();
    form.pick("Sí: activar el llamamiento");
    form.type("Motivo", "Llamamiento urgente pedido por el CH");
    form.type("Responsable del llamamiento", "UNICEF");
    form.press("Completar"); // Tasklist's own button, in Spanish too

    HeadlessBrowser.waitFor(browser,
        driver -> scenario.variable(appeal, AppealVariables.ACTIVATION) != null);
    Activation activation = (Activation) scenario.variable(appeal, AppealVariables.ACTIVATION);
    assertThat(activation.activated()).isTrue();
    assertThat(activation.reason()).isEqualTo("Llamamiento urgente pedido por el CH");
    assertThat(activation.appealLead()).isEqualTo("UNICEF");

    browser.navigate().refresh(); // past the confirmation of the completed task
    form.openStartForm("Llamamiento de financiación de emergencia");
    assertThat(form.text("Activar un llamamiento")).contains("Coordinador Humanitario");
    assertThat(form.shows("País")).isTrue();
    form.choose("Tipo de llamamiento", "Llamamiento urgente");
    assertThat(direction()).isEqualTo("ltr");
  }

  @Test
  void theArabicLanguageCommunityReadsItsTaskRightToLeft() {
    languages.choose(ARABIC, "ar");
    Map<String, Object> rollout = new HashMap<>();
    rollout.put("packageVersion", "9." + System.nanoTime() % 1000);
    rollout.put("modules", "Module 1: The INEE Minimum Standards");
    rollout.put("countries", "LB");
    rollout.put("languages", "ar");
    String id = engine.getRuntimeService().startProcessInstanceByKey("trainingPackageRollout",
        rollout.get("packageVersion").toString(), rollout).getId();
    for (Task review : engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("Task_ConfirmModuleAlignment").list()) {
      engine.getTaskService().complete(review.getId(), Map.of("moduleAligned", "true"));
    }
    Task translate = engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("Task_TranslatePackage").singleResult();

    form.logIn(ARABIC);
    form.openTask(translate.getId());
    HeadlessBrowser.waitFor(browser, driver -> "rtl".equals(direction()));
    assertThat(form.shows("مكان المواد المترجمة")).isTrue();
    assertThat(form.text("ترجمة حزمة التدريب")).contains("ترجم الشرائح");
    WebElement link = form.field("مكان المواد المترجمة");
    // A Latin link typed into the Arabic form keeps its own direction.
    assertThat(link.getAttribute("dir")).isEqualTo("auto");
    form.type("مكان المواد المترجمة", "https://example.org/ar");
    form.press("إنجاز"); // Tasklist's own "Complete", in Arabic too
    HeadlessBrowser.waitFor(browser, driver -> engine.getTaskService().createTaskQuery()
        .processInstanceId(id).taskDefinitionKey("Task_ValidateTranslation").count() == 1);
    Task validate = engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey("Task_ValidateTranslation").singleResult();
    assertThat(engine.getTaskService().getVariable(validate.getId(), "translationLink"))
        .isEqualTo("https://example.org/ar");
  }

  @Test
  void aVetterWhoChoseSpanishIsToldWhatIsWrongInSpanish() {
    languages.choose(SPANISH_VETTER, "es");
    Map<String, Object> trigger = AppealScenario.trigger();
    trigger.put("affectedAreas", "Beirut\nAkkar");
    ProcessInstance appeal = scenario.openCall(trigger, "TEMPORARY_LEARNING_SPACES");
    scenario.submit("partner.lb", appeal, "Task_SubmitProject", AppealScenario.project(
        "Learning in Akkar", "Akkar", Map.of("budgetTemporaryLearningSpaces", 90000.0)));
    scenario.closeCall(appeal);
    String taskId = scenario.task(appeal, "Task_VetProject").getId();

    form.logIn(SPANISH_VETTER);
    form.openTask(taskId, "Reclamar");
    assertThat(form.shows(STRATEGIC)).isTrue();
    assertThat(labels()).contains("Decisión", "Aceptar", "Devolver al socio para revisión",
        "Rechazar", "Comentario");

    // A score above the scale's top, then below its bottom: each refusal in Spanish, its limit kept.
    form.type(STRATEGIC, "7");
    HeadlessBrowser.waitFor(browser, driver -> !form.errorsBeside(STRATEGIC).isEmpty());
    assertThat(form.errorsBeside(STRATEGIC)).containsExactly("El valor debe ser como máximo 5.");
    form.retype(STRATEGIC, "-1");
    HeadlessBrowser.waitFor(browser,
        driver -> form.errorsBeside(STRATEGIC).equals(List.of("El valor debe ser como mínimo 0.")));

    // A required score typed, then cleared: refused in Spanish; Tasklist keeps Complete disabled.
    form.type(PROGRAMMATIC, "4");
    form.retype(PROGRAMMATIC, "");
    HeadlessBrowser.waitFor(browser, driver -> !form.errorsBeside(PROGRAMMATIC).isEmpty());
    assertThat(form.errorsBeside(PROGRAMMATIC)).containsExactly("Este campo es obligatorio.");
    List<String> refusals = browser.findElements(By.cssSelector(".fjs-form .fjs-form-field-error"))
        .stream().map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    assertThat(refusals).containsExactlyInAnyOrder("El valor debe ser como mínimo 0.",
        "Este campo es obligatorio.");
    assertThat(browser.findElement(By.xpath("//button[normalize-space()='Completar']"))
        .isEnabled()).isFalse();
    assertThat(scenario.task(appeal, "Task_VetProject").getId()).isEqualTo(taskId);
  }

  /** The computed direction of the form, as the browser lays it out. */
  private String direction() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "const form = document.querySelector('.fjs-form');"
            + " return form ? getComputedStyle(form).direction : null;");
  }

  /** The labels the form shows: its fields' and its options'. */
  private List<String> labels() {
    return browser.findElements(By.cssSelector(".fjs-form .fjs-form-field-label")).stream()
        .filter(WebElement::isDisplayed).map(label -> label.getText().replace("*", "").strip())
        .toList();
  }
}
