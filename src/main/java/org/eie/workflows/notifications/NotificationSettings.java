package org.eie.workflows.notifications;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's choice, in our own table {@code eie_notification_setting}: on unless the user
 * switched notifications off, and the language of the mails (English unless chosen). Our table
 * rather than Camunda's user info: writing a user's info needs a grant on the user that no role
 * but administrators holds, and it would not survive users coming from another identity store.
 */
@Component
class NotificationSettings {

  /** Languages whose mail text we have or fall back from (templates/notifications/). */
  static final java.util.List<String> LANGUAGES = java.util.List.of("en", "fr", "es", "pt", "ar");

  private final JdbcClient jdbc;

  NotificationSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Setting(boolean enabled, String language) {
    static final Setting DEFAULT = new Setting(true, "en");
  }

  Setting of(String userId) {
    Optional<Setting> stored = jdbc.sql("select enabled, language from eie_notification_setting"
            + " where user_id = ?").param(userId)
        .query((rs, n) -> new Setting(rs.getBoolean("enabled"),
            rs.getString("language") == null ? "en" : rs.getString("language")))
        .optional();
    return stored.orElse(Setting.DEFAULT);
  }

  void save(String userId, Setting setting) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    int updated = update(userId, setting, now);
    if (updated == 0) {
      try {
        jdbc.sql("insert into eie_notification_setting (user_id, enabled, language, updated_at)"
                + " values (?, ?, ?, ?)")
            .params(userId, setting.enabled(), setting.language(), now).update();
      } catch (DuplicateKeyException sameUserAtTheSameMoment) {
        update(userId, setting, now);
      }
    }
  }

  private int update(String userId, Setting setting, Timestamp now) {
    return jdbc.sql("update eie_notification_setting set enabled = ?, language = ?,"
            + " updated_at = ? where user_id = ?")
        .params(setting.enabled(), setting.language(), now, userId).update();
  }
}
