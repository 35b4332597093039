package org.eie.workflows.appeal;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The standard priority activities of an education response (docs/domain.md, Process 1, step 4). A
 * response plan picks some of them; a partner project budgets by them, and a project budgeting an
 * activity the plan did not pick is an inconsistency the co-leads must resolve.
 */
public enum PriorityActivity {
  TEMPORARY_LEARNING_SPACES("budgetTemporaryLearningSpaces"),
  TEACHING_LEARNING_MATERIALS("budgetTeachingLearningMaterials"),
  PSYCHOSOCIAL_SUPPORT("budgetPsychosocialSupport"),
  TEACHER_SUPPORT("budgetTeacherSupport"),
  SCHOOL_REPAIR("budgetSchoolRepair");

  private final String budgetField;

  PriorityActivity(String budgetField) {
    this.budgetField = budgetField;
  }

  /** The project form's field that holds this activity's budget in USD. */
  public String budgetField() {
    return budgetField;
  }

  /**
   * The activity a person means, by its code ({@code TEMPORARY_LEARNING_SPACES}) or its name as
   * the appeal document prints it in any of its languages ("Temporary learning spaces",
   * "Espaces d’apprentissage temporaires"), whatever the case and spacing; null if none.
   */
  public static PriorityActivity parse(String text) {
    if (text == null) {
      return null;
    }
    String key = text.strip().replaceAll("[\\s_-]+", "_").toUpperCase(Locale.ROOT);
    String name = comparable(text);
    for (PriorityActivity activity : values()) {
      if (activity.name().equals(key)) {
        return activity;
      }
    }
    for (PriorityActivity activity : values()) {
      for (String language : AppealInputs.LANGUAGES) {
        if (comparable(activity.label(Locale.forLanguageTag(language))).equals(name)) {
          return activity;
        }
      }
    }
    return null;
  }

  /**
   * The activity's one name in a language: the appeal document's ({@code activity.<CODE>} in
   * {@code templates/appeal/appeal*.properties}), which the forms, Tasklist, the dashboard and the
   * exports print too ({@code ActivityLabelsTest} holds them to it); English for a language the
   * document has no bundle for.
   */
  public String label(Locale language) {
    return ResourceBundle.getBundle("templates/appeal/appeal", language,
        PriorityActivity.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK)
        .getString("activity." + name());
  }

  private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static String comparable(String name) {
    return name.strip().replace('\u2019', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The response plan form's field for this activity's indicator. */
  public String indicatorField() {
    return "indicator" + budgetField.substring("budget".length());
  }

  /** The response plan form's field for this activity's indicator target. */
  public String targetField() {
    return "activityTarget" + budgetField.substring("budget".length());
  }

  /** The response plan form's field for this activity's indicative requirement in USD. */
  public String requirementField() {
    return "requirement" + budgetField.substring("budget".length());
  }

  public static boolean isKnown(String code) {
    for (PriorityActivity activity : values()) {
      if (activity.name().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
