package org.eie.workflows.appeal;

import static org.eie.workflows.appeal.AppealVariables.COUNTRY;
import static org.eie.workflows.appeal.AppealVariables.ONSET;
import static org.eie.workflows.appeal.AppealVariables.PROJECTS;
import static org.eie.workflows.appeal.AppealVariables.PROJECT_ID;
import static org.eie.workflows.appeal.AppealVariables.RETURNED_PROJECT;
import static org.eie.workflows.appeal.AppealVariables.TRIGGER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.Processes;
import org.eie.workflows.language.Languages;
import org.eie.workflows.tasklist.Figures;
import org.eie.workflows.tasklist.TaskContext;
import org.eie.workflows.tasklist.TaskHeadings;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What an appeal's tasks are about: the country, the emergency, the appeal's key, what tells it
 * apart from another appeal of the same emergency in the same country (its onset day and short
 * reference) and, for a project's vetting or revision, the project, its partner and where it
 * works. The partners' sub-processes receive the emergency and the appeal's key from the appeal
 * (their call activities) and nothing more.
 */
@Component
class AppealTaskContext implements TaskContext {

  /** The key AppealService gives every appeal: country, onset day, a random suffix. */
  private static final Pattern KEY = Pattern.compile("APPEAL-[A-Z]{2}-(\\d{8})-([0-9a-f]+)");
  private static final DateTimeFormatter KEY_DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("d MMM",
      Locale.ENGLISH);
  private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy",
      Locale.ENGLISH);

  @Override
  public Set<String> processKeys() {
    return Set.of(Processes.APPEAL, Processes.APPEAL_PARTNER_SUBMISSION,
        Processes.APPEAL_PROJECT_REVISION);
  }

  @Override
  public Map<String, String> of(DelegateTask task) {
    Map<String, String> values = new HashMap<>();
    values.put(COUNTRY, (String) task.getVariable(COUNTRY));
    values.put(EMERGENCY, emergency(task));
    String key = task.getExecution().getProcessBusinessKey();
    values.put("appeal", key);
    values.put("reference", reference(key, task.getVariable(ONSET) instanceof Date onset
        ? onset : null, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC)));
    PartnerProject project = project(task);
    if (project != null) {
      values.put("project", project.title());
      values.put("projectId", project.id());
      values.put("partner", project.partner());
      values.put("location", String.join(", ", project.locations()));
      values.put("budget", Figures.usd(project.budgetUsd()));
    }
    return values;
  }

  @Override
  public Map<String, String> inLanguage(DelegateTask task, String language) {
    String reference = reference(language, task.getExecution().getProcessBusinessKey(),
        task.getVariable(ONSET) instanceof Date onset ? onset : null,
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC));
    return reference == null ? Map.of() : Map.of("reference", reference);
  }

  static String reference(String businessKey, Date onset, LocalDate today) {
    return reference(Languages.ENGLISH, businessKey, onset, today);
  }

  /**
   * "onset 5 Dec, ref 3f2a": two appeals of one emergency in one country (a second wave, a
   * duplicate trigger) have tasks of the same name, and a co-lead must tell them apart in the
   * task list. Read from the appeal's key (the onset day as the trigger gave it, in the place's own
   * time, and the key's last part, which the dashboard shows too); an appeal started with another
   * key shows its onset variable's day (UTC), a partner's sub-process of such an appeal nothing.
   * The year shows when it is not this year's.
   */
  static String reference(String language, String businessKey, Date onset, LocalDate today) {
    Matcher key = businessKey == null ? null : KEY.matcher(businessKey);
    if (key != null && key.matches()) {
      return TaskHeadings.worded(language, "appeal.reference", Map.of(
          "onset", day(LocalDate.parse(key.group(1), KEY_DAY), today, language),
          "ref", key.group(2)));
    }
    return onset == null ? null : TaskHeadings.worded(language, "appeal.referenceOnset", Map.of(
        "onset", day(LocalDate.ofInstant(onset.toInstant(), ZoneOffset.UTC), today, language)));
  }

  private static String day(LocalDate day, LocalDate today, String language) {
    return (day.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR)
        .withLocale(Locale.forLanguageTag(language)).format(day);
  }

  /**
   * The emergency's name: kept as a plain variable by the appeal's first task (for the task list)
   * and handed over to a partner's sub-process by its call activity, so that only the first task
   * reads it from the trigger (a JSON value, one more read each time). The trigger never changes
   * after the start.
   */
  private static String emergency(DelegateTask task) {
    Object kept = task.getVariable(EMERGENCY);
    if (kept != null) {
      return kept.toString();
    }
    AppealTrigger trigger = JsonVariables.read(task, TRIGGER, AppealTrigger.class);
    return trigger != null ? trigger.emergencyType() : null;
  }

  private static PartnerProject project(DelegateTask task) {
    PartnerProject returned = JsonVariables.read(task, RETURNED_PROJECT, PartnerProject.class);
    if (returned != null) {
      return returned;
    }
    Object projectId = task.getVariable(PROJECT_ID);
    PartnerProjects projects = JsonVariables.read(task, PROJECTS, PartnerProjects.class);
    if (projectId != null && projects != null) {
      return projects.find(projectId.toString()).orElse(null);
    }
    return null;
  }
}
