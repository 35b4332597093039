package org.eie.workflows.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eie.workflows.forms.NotFound;
import org.eie.workflows.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The confirmation Tasklist shows after a task is completed: that it is done, what happens next
 * (worded per task in {@code tasklist/next-steps*.properties}, in the five languages) and, where
 * a process feature adds one ({@link CompletionFacts}), a reference such as the partner's new
 * project. Only the user who completed the task learns anything of it: for anyone else, and for
 * a task not completed yet, the id answers as an unknown one.
 */
@Component
public class CompletedTasks {

  /** The languages of the wording; the first is the fallback. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "ar");
  static final String BUNDLE = "tasklist/next-steps";

  /** The confirmation, in one language ({@code direction} rtl for Arabic). */
  public record Confirmation(String taskId, String taskName, String language, String direction,
      String heading, String next, String reference, String close) {
  }

  private final ProcessEngine engine;
  private final CurrentUser user;
  private final ObjectProvider<CompletionFacts> facts;
  private final ResourceBundleMessageSource wording = new ResourceBundleMessageSource();

  CompletedTasks(ProcessEngine engine, CurrentUser user,
      ObjectProvider<CompletionFacts> facts) {
    this.engine = engine;
    this.user = user;
    this.facts = facts;
    wording.setBasename(BUNDLE);
    wording.setDefaultEncoding("UTF-8");
    wording.setFallbackToSystemLocale(false);
  }

  /** The confirmation of a task the calling user completed; 404 for any other id. */
  public Confirmation of(String taskId, String language) {
    String userId = user.id().orElse(null);
    HistoricTaskInstance task = userId == null ? null : completedBy(taskId, userId);
    if (task == null) {
      throw new NotFound("No task " + taskId + " that you completed");
    }
    Locale locale = Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
    Map<String, String> values = new LinkedHashMap<>();
    facts.orderedStream().filter(f -> f.processKeys().contains(task.getProcessDefinitionKey()))
        .findFirst().ifPresent(f -> values.putAll(f.of(task, userId)));
    String next = wording.getMessage("next." + task.getProcessDefinitionKey() + "."
        + task.getTaskDefinitionKey(), null, null, locale);
    String reference = values.containsKey("project")
        ? fill(wording.getMessage("reference", null, locale), values) : null;
    return new Confirmation(task.getId(), task.getName(), locale.getLanguage(),
        "ar".equals(locale.getLanguage()) ? "rtl" : "ltr", wording.getMessage("heading", null,
        locale), next != null ? next : wording.getMessage("next.default", null, locale),
        reference, wording.getMessage("close", null, locale));
  }

  /**
   * The task, if it was completed and the engine had this user authenticated when it was: read
   * past the checks, since a completed task is no longer the user's to read.
   */
  private HistoricTaskInstance completedBy(String taskId, String userId) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(command ->
        command.runWithoutAuthorization(() -> {
          HistoryService history = engine.getHistoryService();
          HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId)
              .singleResult();
          if (task == null || !"completed".equals(task.getDeleteReason())) {
            return null;
          }
          boolean byCaller = history.createUserOperationLogQuery().taskId(taskId)
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
              .anyMatch(entry -> userId.equals(entry.getUserId()));
          return byCaller ? task : null;
        }));
  }

  private static String fill(String text, Map<String, String> values) {
    String filled = text;
    for (var value : values.entrySet()) {
      filled = filled.replace("{" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }
}
