package org.eie.workflows.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A time of day reads on the 24-hour clock in every language. */
@Tag("fast")
class Clock24Test {

  private static final Instant EVENING = Instant.parse("2026-11-20T18:08:00Z");

  @Test
  void eveningIsEighteenHundredNotSixPm() {
    for (String language : new String[] {"en", "en-US", "fr", "es", "pt", "ar"}) {
      String text = Clock24.dateAndTime(FormatStyle.LONG, Locale.forLanguageTag(language))
          .withZone(ZoneOffset.UTC).format(EVENING);
      assertThat(text).as(language).doesNotContain("PM", "p.m.", "م ")
          .containsAnyOf("18:08", "١٨:٠٨");
    }
    assertThat(Clock24.dateAndTime(FormatStyle.MEDIUM, Locale.ENGLISH).withZone(ZoneOffset.UTC)
        .format(Instant.parse("2026-11-20T00:05:00Z"))).endsWith(" 00:05");
  }
}
