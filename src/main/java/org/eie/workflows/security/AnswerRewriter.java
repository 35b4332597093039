package org.eie.workflows.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.eie.workflows.forms.FormTranslations;
import org.eie.workflows.language.Languages;
import org.eie.workflows.tasklist.TaskListWording;

/**
 * One kind of engine answer that {@link AnswersInTheirLanguage} rewrites for the reader: which
 * requests it answers, and how its JSON reads in another language. Only texts change, never a
 * key, an id or a value that a later request sends back.
 */
interface AnswerRewriter {

  /** Whether it rewrites the answer to {@code method} on {@code route} (below the engine's root). */
  boolean matches(String method, String route);

  /** Rewrites {@code answer} in place into {@code language}; whether anything changed. */
  boolean rewrite(JsonNode answer, String language);

  /**
   * A deployed Camunda Form, a task's {@code deployed-form} or a definition's
   * {@code deployed-start-form}: its texts from {@link FormTranslations}, marked with the
   * language and direction. Its fields' keys, options' values and validation stay those of the
   * deployed form, so the submission is the same in every language.
   */
  record DeployedForms(FormTranslations translations) implements AnswerRewriter {

    private static final Pattern FORMS = Pattern.compile("/task/[^/]+/deployed-form"
        + "|/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/deployed-start-form");

    @Override
    public boolean matches(String method, String route) {
      return "GET".equals(method) && FORMS.matcher(route).matches();
    }

    @Override
    public boolean rewrite(JsonNode form, String language) {
      translations.translate(form, language, Languages.isRightToLeft(language));
      return form.has(FormTranslations.LANGUAGE);
    }
  }

  /**
   * What Tasklist lists and opens: tasks, a task, a filter's tasks, the filters, the processes.
   * Their names from {@link TaskListWording}; the engine keeps them in English.
   */
  record TaskListNames(TaskListWording wording) implements AnswerRewriter {

    /** Tasks, a task, a filter's tasks; the filters and a filter; the processes and a process. */
    private static final Pattern READING = Pattern.compile(
        "/task(/[^/]+)?|/filter/[^/]+/(list|singleResult)|/filter(/[^/]+)?"
            + "|/process-definition(/[^/]+)?");

    @Override
    public boolean matches(String method, String route) {
      // Tasklist reads the task list and a filter's tasks by POST (the query in the body).
      boolean reads = "GET".equals(method)
          || ("POST".equals(method) && (route.equals("/task") || route.endsWith("/list")
              || route.endsWith("/singleResult")));
      return reads && READING.matcher(route).matches() && !route.equals("/task/count");
    }

    @Override
    public boolean rewrite(JsonNode answer, String language) {
      return wording.translate(answer, language);
    }
  }
}
