package org.eie.workflows.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.spi.DataFormatMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A JSON variable reads back as it was written, as the engine stores it (Spin's Jackson, the
 * Java type's name beside the text); a value of another shape is refused naming the variable, and
 * an absent one reads as null.
 */
@Tag("fast")
class JsonVariablesTest {

  record Plan(String objective, List<String> activities, long peopleInNeed) {
  }

  record Other(boolean decided) {
  }

  static final Plan PLAN = new Plan("Children back in school", List.of("TLS", "برج حمود"), 3000);

  @Test
  void aRecordReadsBackFromItsStoredText() {
    ObjectValue written = JsonVariables.json(PLAN);

    assertThat(written.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(JsonVariables.read("plan", stored(written), Plan.class)).isEqualTo(PLAN);
    // In the command that wrote it, the engine hands back the value itself.
    assertThat(JsonVariables.read("plan", written, Plan.class)).isSameAs(PLAN);
  }

  @Test
  void aListIsStoredAsTheArrayListItAlwaysWasAndReadsBack() {
    ObjectValue written = JsonVariables.json(List.of("LB", "SY"));

    assertThat(DataFormats.json().getMapper().getCanonicalTypeName(written.getValue()))
        .isEqualTo("java.util.ArrayList<java.lang.String>");
    assertThat(JsonVariables.list("countries", stored(written), String.class))
        .containsExactly("LB", "SY");
  }

  @Test
  void aValueStoredUnderAnotherTypeNameStillReads() {
    String text = "{\"objective\":\"Children back in school\","
        + "\"activities\":[\"TLS\",\"برج حمود\"],\"peopleInNeed\":3000}";
    ObjectValue movedSince = Variables.serializedObjectValue(text)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .objectTypeName("org.eie.workflows.appeal.PlannedResponse").create();

    assertThat(JsonVariables.read("plan", movedSince, Plan.class)).isEqualTo(PLAN);
  }

  @Test
  void aValueOfAnotherShapeIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> JsonVariables.read("plan",
        stored(JsonVariables.json(new Other(true))), Plan.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'plan'");
    assertThatThrownBy(() -> JsonVariables.read("plan", Variables.stringValue("a plan"), Plan.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'plan'");
    assertThatThrownBy(() -> JsonVariables.read("plan", serialized("{\"objective\": "), Plan.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'plan'");
    assertThatThrownBy(() -> JsonVariables.list("countries", JsonVariables.json(List.of(1L, 2L)),
        String.class))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'countries'");
  }

  @Test
  void anAbsentValueReadsAsNull() {
    assertThat(JsonVariables.read("plan", null, Plan.class)).isNull();
    assertThat(JsonVariables.read("plan", Variables.untypedNullValue(), Plan.class)).isNull();
    assertThat(JsonVariables.read("plan", serialized(null), Plan.class)).isNull();
    assertThat(JsonVariables.list("countries", null, String.class)).isNull();
  }

  @Test
  void aFormsValueIsSpinJsonOfTheValue() {
    var value = JsonVariables.forForm(List.of("TLS", "Say \"hello\""));

    assertThat(value.getType().getName()).isEqualTo("json");
    assertThat(value.getValueSerialized()).isEqualTo("[\"TLS\",\"Say \\\"hello\\\"\"]");
    // What a form sent back reads as any JSON variable does.
    assertThat(JsonVariables.list("priorityActivities", value, String.class))
        .containsExactly("TLS", "Say \"hello\"");
  }

  @Test
  void aHistoryReadTakesTheTypedValueOrNamesItDamaged() {
    var read = new StoredVariables(Map.of("plan", stored(JsonVariables.json(PLAN))
        .getValueSerialized(), "other", "{\"decided\": true}"));

    assertThat(read.json("plan", JsonVariables.as(Plan.class))).isEqualTo(PLAN);
    assertThat(read.json("other", JsonVariables.as(Plan.class))).isNull();
    assertThat(read.json("absent", JsonVariables.as(Plan.class))).isNull();
    assertThat(read.damaged()).containsExactly("other");
  }

  /** The value as the engine stores and later loads it: Spin's text and the Java type's name. */
  private static ObjectValue stored(ObjectValue written) {
    DataFormatMapper mapper = DataFormats.json().getMapper();
    return Variables.serializedObjectValue(mapper.mapJavaToInternal(written.getValue()).toString())
        .serializationDataFormat(written.getSerializationDataFormat())
        .objectTypeName(mapper.getCanonicalTypeName(written.getValue())).create();
  }

  private static ObjectValue serialized(String text) {
    return Variables.serializedObjectValue(text)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .objectTypeName(Plan.class.getName()).create();
  }
}
