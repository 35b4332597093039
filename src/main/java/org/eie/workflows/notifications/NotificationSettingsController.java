package org.eie.workflows.notifications;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.eie.workflows.forms.Forbidden;
import org.eie.workflows.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's own notification settings: {@code GET} reads them (with the address the mails go
 * to and how many of the user's mails wait for the mail server), {@code PUT} changes them. Only
 * one's own: there is no user id in the path to get wrong.
 */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationSettingsController {

  private final NotificationSettings settings;
  private final NotificationLedger ledger;
  private final IdentityService identity;
  private final CurrentUser user;
  private final Duration reminderBefore;

  NotificationSettingsController(NotificationSettings settings, NotificationLedger ledger,
      IdentityService identity, CurrentUser user,
      @Value("${eie.notifications.reminder-before:PT24H}") Duration reminderBefore) {
    this.settings = settings;
    this.ledger = ledger;
    this.identity = identity;
    this.user = user;
    this.reminderBefore = reminderBefore;
  }

  /** What the user sees of their settings. */
  record SettingsAnswer(boolean enabled, String language, String email, String reminderBefore,
      int waiting) {
  }

  @GetMapping
  SettingsAnswer read() {
    return answer(currentUser());
  }

  @PutMapping
  SettingsAnswer change(@RequestBody NotificationSettingsInput body) {
    String userId = currentUser();
    settings.save(userId, body.validated(settings.of(userId)));
    return answer(userId);
  }

  private SettingsAnswer answer(String userId) {
    var setting = settings.of(userId);
    // Every user may read their own user (the engine grants it when the user is created).
    User user = identity.createUserQuery().userId(userId).singleResult();
    return new SettingsAnswer(setting.enabled(), setting.mailLanguage(),
        user == null ? null : user.getEmail(), reminderBefore.toString(),
        ledger.waitingFor(userId));
  }

  private String currentUser() {
    return user.id().orElseThrow(
        () -> new Forbidden("Notification settings belong to a signed-in user"));
  }
}
