package org.eie.workflows.language;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one language each person chose, for the dashboard and their e-mails alike, in our table
 * {@code eie_user_language} (as the notification settings are kept: Camunda's user info needs a
 * grant on the user that only administrators hold, and would not survive users coming from another
 * identity store). Nothing stored means not chosen.
 */
@Component
public class PersonalLanguage {

  private final JdbcClient jdbc;

  PersonalLanguage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The language the user chose, if they did. */
  public Optional<String> of(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return jdbc.sql("select language from eie_user_language where user_id = ?").param(userId)
        .query(String.class).optional().map(Languages::ours);
  }

  /**
   * The language a person reads in: the one they chose, else their browser's
   * ({@code Accept-Language}) first of ours, else English.
   */
  public String forReader(String userId, String acceptLanguage) {
    return Languages.forPage(null, of(userId).orElse(null), acceptLanguage);
  }

  /** Stores the user's choice; {@code language} is one of {@link Languages#CODES}. */
  public void choose(String userId, String language) {
    String code = Languages.ours(language);
    if (code == null) {
      throw new IllegalArgumentException(language + " is none of " + Languages.CODES);
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    if (update(userId, code, now) == 0) {
      try {
        jdbc.sql("insert into eie_user_language (user_id, language, updated_at) values (?, ?, ?)")
            .params(userId, code, now).update();
      } catch (DuplicateKeyException sameUserAtTheSameMoment) {
        update(userId, code, now);
      }
    }
  }

  private int update(String userId, String code, Timestamp now) {
    return jdbc.sql("update eie_user_language set language = ?, updated_at = ? where user_id = ?")
        .params(code, now, userId).update();
  }
}
