package org.eie.workflows.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A user's notification settings: on or off is required; the language is one of the mails' five,
 * in any case, and stays as it was when not sent.
 */
@Tag("fast")
class NotificationSettingsInputTest {

  static final NotificationSettings.Setting FRENCH_ON = new NotificationSettings.Setting(true,
      "fr");

  @Test
  void switchingOffKeepsTheLanguage() {
    assertThat(new NotificationSettingsInput(false, null).validated(FRENCH_ON))
        .isEqualTo(new NotificationSettings.Setting(false, "fr"));
  }

  @Test
  void aLanguageIsTakenInAnyCase() {
    assertThat(new NotificationSettingsInput(true, " AR ").validated(FRENCH_ON).language())
        .isEqualTo("ar");
  }

  @Test
  void aLanguageOfNoMailAndAMissingSwitchAreNamed() {
    assertThatThrownBy(() -> new NotificationSettingsInput(null, "de").validated(FRENCH_ON))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.errors()).extracting(FieldError::field)
              .containsExactly("enabled", "language");
          assertThat(refused.getMessage()).contains("'de' is not a language of our mails");
        });
  }

  @Test
  void aBlankLanguageIsRefusedRatherThanErasingTheChoice() {
    assertThatThrownBy(() -> new NotificationSettingsInput(true, " ").validated(FRENCH_ON))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("language"));
  }
}
