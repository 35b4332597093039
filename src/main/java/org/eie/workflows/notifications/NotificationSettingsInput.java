package org.eie.workflows.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.language.Languages;

/**
 * A user's notification settings as {@code PUT /api/me/notifications} receives them: {@code
 * enabled} (required, true or false) and {@code language} (optional; kept as it was if absent),
 * which is the user's one language ({@code /api/me/language}), the dashboard's too.
 */
record NotificationSettingsInput(Boolean enabled, String language) {

  /** The setting to store, or 400 naming each field; nothing is written before. */
  NotificationSettings.Setting validated(NotificationSettings.Setting current) {
    List<FieldError> errors = new ArrayList<>();
    if (enabled == null) {
      errors.add(new FieldError("enabled", "is required: true to receive task e-mails, false to"
          + " switch them off"));
    }
    String chosen = current.language();
    if (language != null) {
      chosen = FormReader.isBlank(language) ? null : language.trim().toLowerCase(Locale.ROOT);
      if (chosen == null || !Languages.CODES.contains(chosen)) {
        errors.add(new FieldError("language", "'" + language + "' is not a language of our"
            + " mails (one of " + String.join(", ", Languages.CODES) + ")"));
      }
    }
    InvalidInput.throwIfAny(errors);
    return new NotificationSettings.Setting(enabled, chosen);
  }
}
