package org.eie.workflows.appeal;

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
   * The activity a person means, by its code ({@code TEMPORARY_LEARNING_SPACES}) or its readable
   * name ("Temporary learning spaces"), whatever the case; null if none.
   */
  public static PriorityActivity parse(String text) {
    if (text == null) {
      return null;
    }
    String key = text.strip().replaceAll("[\\s_-]+", "_").toUpperCase(java.util.Locale.ROOT);
    for (PriorityActivity activity : values()) {
      if (activity.name().equals(key)) {
        return activity;
      }
    }
    return null;
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
