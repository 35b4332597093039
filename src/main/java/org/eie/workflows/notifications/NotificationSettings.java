package org.eie.workflows.notifications;

import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.language.Languages;
import org.eie.workflows.language.PersonalLanguage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's choice, in our own table {@code eie_notification_setting}: on unless the user
 * switched notifications off; the mails are in the user's one language ({@link PersonalLanguage},
 * English unless chosen). Our table rather than Camunda's user info: writing a user's info needs a
 * grant on the user that no role but administrators holds, and it would not survive users coming
 * from another identity store.
 */
@Component
class NotificationSettings {

  private final JdbcClient jdbc;
  private final PersonalLanguage languages;

  NotificationSettings(JdbcClient jdbc, PersonalLanguage languages) {
    this.jdbc = jdbc;
    this.languages = languages;
  }

  /** {@code language}: the user's choice, null while they have not chosen. */
  record Setting(boolean enabled, String language) {
    /** The mails' language: the user's, else English (a mail has no browser to ask). */
    String mailLanguage() {
      return language == null ? Languages.ENGLISH : language;
    }
  }

  Setting of(String userId) {
    boolean enabled = jdbc.sql("select enabled from eie_notification_setting where user_id = ?")
        .param(userId).query(Boolean.class).optional().orElse(true);
    return new Setting(enabled, languages.of(userId).orElse(null));
  }

  void save(String userId, Setting setting) {
    if (setting.language() != null) {
      languages.choose(userId, setting.language());
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    int updated = update(userId, setting, now);
    if (updated == 0) {
      try {
        jdbc.sql("insert into eie_notification_setting (user_id, enabled, updated_at)"
                + " values (?, ?, ?)")
            .params(userId, setting.enabled(), now).update();
      } catch (DuplicateKeyException sameUserAtTheSameMoment) {
        update(userId, setting, now);
      }
    }
  }

  private int update(String userId, Setting setting, Timestamp now) {
    return jdbc.sql("update eie_notification_setting set enabled = ?, updated_at = ?"
            + " where user_id = ?")
        .params(setting.enabled(), now, userId).update();
  }
}
