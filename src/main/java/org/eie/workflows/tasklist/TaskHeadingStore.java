package org.eie.workflows.tasklist;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each open task's heading in the languages other than English (our table
 * {@code eie_task_heading}; the engine keeps the English one as the task's name and description).
 * Written in the engine's transaction, so a task that is rolled back leaves none.
 */
@Component
class TaskHeadingStore {

  /** A task's name and description in one language. */
  record Heading(String name, String description) {
  }

  /** Tasklist shows at most a page of tasks; a longer list is asked in parts. */
  private static final int PART = 200;

  private final JdbcClient jdbc;

  TaskHeadingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void keep(String taskId, Map<String, Heading> byLanguage) {
    forget(taskId);
    byLanguage.forEach((language, heading) -> jdbc.sql("insert into eie_task_heading"
            + " (task_id, language, name, description) values (?, ?, ?, ?)")
        .params(taskId, language, heading.name(), heading.description()).update());
  }

  void forget(String taskId) {
    jdbc.sql("delete from eie_task_heading where task_id = ?").param(taskId).update();
  }

  /** The headings in {@code language} of those of {@code taskIds} that have one, by task id. */
  Map<String, Heading> in(String language, Collection<String> taskIds) {
    Map<String, Heading> found = new HashMap<>();
    List<String> ids = List.copyOf(taskIds);
    for (int from = 0; from < ids.size(); from += PART) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + PART));
      jdbc.sql("select task_id, name, description from eie_task_heading where language = :language"
              + " and task_id in (:ids)")
          .param("language", language).param("ids", part)
          .query((rs, row) -> found.put(rs.getString("task_id"),
              new Heading(rs.getString("name"), rs.getString("description"))))
          .list();
    }
    return found;
  }
}
