package org.eie.workflows.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eie.workflows.appeal.document.AppealFormats;
import org.eie.workflows.forms.FormReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An onset typed as 18:08 in Tasklist's start form is kept and printed as 18:08: the form lets
 * any minute be chosen, its value is read to the minute, and the document prints it on the
 * 24-hour clock.
 */
@Tag("fast")
class OnsetToTheMinuteTest {

  @Test
  void theTriggerFormOffersEveryMinute() throws Exception {
    var form = new ObjectMapper().readTree(Files.readString(
        Path.of("bpmn/appeal/appealTrigger.form")));
    var onset = java.util.stream.StreamSupport.stream(form.get("components").spliterator(), false)
        .filter(c -> "onset".equals(c.path("key").asText())).findFirst().orElseThrow();
    // form-js's default interval is 15 minutes: the picker would round 18:08 down to 18:00
    assertThat(onset.path("timeInterval").asInt()).isEqualTo(1);
    assertThat(onset.path("timeSerializingFormat").asText()).isEqualTo("utc_normalized");
  }

  @Test
  void whatTasklistSendsIsReadToTheMinute() {
    // form-js sends a UTC date-time without seconds
    var values = new FormReader(Map.of("onset", "2026-11-20T18:08Z"));
    OffsetDateTime onset = values.dateTime("onset", true);
    assertThat(values.errors()).isEmpty();
    assertThat(onset.getHour()).isEqualTo(18);
    assertThat(onset.getMinute()).isEqualTo(8);
    assertThat(new AppealFormats(java.util.Locale.US).dateTime(onset))
        .isEqualTo("November 20, 2026, 18:08 (UTC)");
  }
}
