package org.eie.workflows.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one form reader's limits, field kind by field kind, as a user or a REST client meets them. */
@Tag("fast")
class FormReaderTest {

  private static FormReader reading(Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new FormReader(values);
  }

  private static List<String> messages(FormReader form) {
    return form.errors().stream().map(FieldError::message).toList();
  }

  @Test
  void everyProblemIsCollectedAndThrownAtOnceNamingEachField() {
    var form = reading("title", " ", "girls", -3, "budget", new BigDecimal("1.005"));
    form.text("title", true);
    form.count("girls", true);
    form.money("budget", true);

    assertThat(form.errors()).extracting(FieldError::field)
        .containsExactly("title", "girls", "budget");
    assertThatThrownBy(form::throwIfInvalid).isInstanceOfSatisfying(InvalidInput.class,
        refused -> assertThat(refused.errors()).hasSize(3));
  }

  @Test
  void aRequiredLineOfABodyIsTrimmedAndEachWrongOneNamedOnce() {
    List<FieldError> errors = new java.util.ArrayList<>();
    assertThat(FormReader.required("  UNICEF ", "organisation", 10, errors)).isEqualTo("UNICEF");
    assertThat(FormReader.required("\u200B ", "contactName", 10, errors)).isNull();
    assertThat(FormReader.required("a much longer name", "acronym", 10, errors)).isNull();
    assertThat(errors).extracting(FieldError::field, FieldError::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("contactName", "is required"),
        org.assertj.core.groups.Tuple.tuple("acronym", "is longer than 10 characters"));
  }

  @Test
  void inputWithoutProblemsThrowsNothing() {
    var form = reading("title", "Safe classrooms");
    assertThat(form.text("title", true)).isEqualTo("Safe classrooms");
    form.throwIfInvalid();
    assertThat(form.errors()).isEmpty();
  }

  @Test
  void textIsTrimmedAndInvisibleOnlyTextCountsAsMissing() {
    var form = reading("title", "  Safe classrooms \n", "summary", "\u200B\u00A0\t");
    assertThat(form.text("title", true)).isEqualTo("Safe classrooms");
    assertThat(form.text("summary", true)).isNull();
    assertThat(form.has("summary")).isFalse();
    assertThat(form.errors()).containsExactly(new FieldError("summary", "is required"));
  }

  @Test
  void anOptionalFieldLeftEmptyIsNoProblem() {
    var form = reading("lead", "");
    assertThat(form.text("lead", false)).isNull();
    assertThat(form.count("people", false)).isNull();
    assertThat(form.errors()).isEmpty();
  }

  @Test
  void textLongerThanTheLimitIsRefusedSayingHowLongItWas() {
    var form = reading("summary", "x".repeat(FormReader.MAX_TEXT + 1), "code", "abcdef");
    form.text("summary", true);
    form.text("code", true, 5);
    assertThat(messages(form)).containsExactly(
        "is at most 4000 characters (was 4001)", "is at most 5 characters (was 6)");
  }

  @Test
  void aNumberOrListWhereTextBelongsIsRefused() {
    var form = reading("title", 42, "country", List.of("LB"));
    form.text("title", true);
    form.text("country", true);
    assertThat(messages(form)).containsExactly("must be text", "must be text");
  }

  @Test
  void countsAreWholeNonNegativeAndBounded() {
    var form = reading("forms", 12L, "rest", "7", "double", 3.0, "half", 2.5, "minus", -1,
        "huge", FormReader.MAX_COUNT + 1, "word", "many");
    assertThat(form.count("forms", true)).isEqualTo(12L);
    assertThat(form.count("rest", true)).isEqualTo(7L);
    assertThat(form.count("double", true)).isEqualTo(3L);
    form.count("half", true);
    form.count("minus", true);
    form.count("huge", true);
    form.count("word", true);
    assertThat(form.errors()).containsExactly(
        new FieldError("half", "must be a whole number (was 2.5)"),
        new FieldError("minus", "must not be negative (was -1)"),
        new FieldError("huge", "is more than 1000000000"),
        new FieldError("word", "is not a number (was 'many')"));
  }

  @Test
  void moneyHasAtMostTwoDecimalsAndAnUpperBound() {
    var form = reading("ok", 1234.5, "cents", "0.10", "fraction", "0.001",
        "huge", new BigDecimal("100000000000.01"), "infinite", Double.POSITIVE_INFINITY);
    assertThat(form.money("ok", true)).isEqualByComparingTo("1234.50");
    assertThat(form.money("cents", true)).isEqualByComparingTo("0.1");
    form.money("fraction", true);
    form.money("huge", true);
    form.money("infinite", true);
    assertThat(form.errors()).extracting(FieldError::field)
        .containsExactly("fraction", "huge", "infinite");
    assertThat(messages(form).get(0)).isEqualTo("has at most two decimals (was 0.001)");
    assertThat(messages(form).get(2)).startsWith("is not a number");
  }

  @Test
  void aMomentIsReadWithOffsetWithoutOffsetAsUtcOrAsADateAtMidnight() {
    var form = reading("withOffset", "2020-08-04T18:08:00+03:00",
        "local", "2020-08-04T18:08", "date", "2020-08-04", "word", "yesterday");
    assertThat(form.dateTime("withOffset", true))
        .isEqualTo(OffsetDateTime.parse("2020-08-04T18:08:00+03:00"));
    assertThat(form.dateTime("local", true))
        .isEqualTo(OffsetDateTime.parse("2020-08-04T18:08:00Z"));
    assertThat(form.dateTime("date", true))
        .isEqualTo(OffsetDateTime.parse("2020-08-04T00:00:00Z"));
    assertThat(form.dateTime("word", true)).isNull();
    assertThat(messages(form)).containsExactly(
        "is not a date and time such as 2020-08-04T18:08:00Z (was 'yesterday')");
  }

  @Test
  void aTextAreaIsOneEntryPerLineWithoutBlankLines() {
    var form = reading("areas", "Beirut\r\n  \nMount Lebanon \n");
    assertThat(form.lines("areas", true)).containsExactly("Beirut", "Mount Lebanon");
    assertThat(form.errors()).isEmpty();
  }

  @Test
  void aJsonListFromRestReadsAsEntries() {
    var form = reading("areas", Spin.JSON("[\"Beirut\", \" Tripoli \"]"));
    assertThat(form.lines("areas", true)).containsExactly("Beirut", "Tripoli");
  }

  @Test
  void listsRefuseNonTextEntriesTooManyOrTooLongEntriesAndEmptinessWhenRequired() {
    var form = reading("numbers", List.of("a", 1), "many", List.of("a", "b", "c"),
        "long", List.of("abcdef"), "empty", List.of(" "));
    form.lines("numbers", true);
    form.lines("many", true, 10, 2);
    form.lines("long", true, 5, 10);
    form.lines("empty", true);
    assertThat(form.errors()).containsExactly(
        new FieldError("numbers", "must be a list of text"),
        new FieldError("many", "has more than 2 entries"),
        new FieldError("long", "has an entry longer than 5 characters"),
        new FieldError("empty", "needs at least one entry"));
  }

  @Test
  void aCountMayHaveALowerCeilingOfItsOwn() {
    var form = reading("participants", 100_001, "fine", "100000");
    assertThat(form.count("fine", true, 100_000)).isEqualTo(100_000L);
    assertThat(form.count("participants", true, 100_000)).isNull();
    assertThat(form.errors()).containsExactly(
        new FieldError("participants", "is more than 100000"));
  }

  @Test
  void aDayIsAnIsoDateAndADateTimeKeepsItsDatePart() {
    var form = reading("start", "2026-03-31", "picked", "2026-04-01T00:00:00Z",
        "spoken", "next Monday", "missing", " ");
    assertThat(form.date("start", true)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(form.date("picked", true)).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(form.date("spoken", true)).isNull();
    assertThat(form.date("missing", true)).isNull();
    assertThat(form.errors()).containsExactly(
        new FieldError("spoken", "is not a date such as 2026-03-31 (was 'next Monday')"),
        new FieldError("missing", "is required"));
  }

  @Test
  void aYesNoAnswerIsABooleanOrItsTextAndNothingElse() {
    var form = reading("checkbox", true, "rest", " FALSE ", "json", Spin.JSON("true"),
        "maybe", "perhaps", "unanswered", null);
    assertThat(form.yesNo("checkbox", true)).isTrue();
    assertThat(form.yesNo("rest", true)).isFalse();
    assertThat(form.yesNo("json", true)).isTrue();
    assertThat(form.yesNo("maybe", true)).isNull();
    assertThat(form.yesNo("unanswered", true)).isNull();
    assertThat(form.yesNo("unanswered", false)).isNull();
    assertThat(form.errors()).containsExactly(
        new FieldError("maybe", "must be answered yes or no (was 'perhaps')"),
        new FieldError("unanswered", "is required: answer yes or no"));
  }

  @Test
  void aLinkIsAWebAddressWithoutSpaces() {
    var form = reading("report", " https://inee.org/plan ", "local", "file:///c:/plan.pdf",
        "spaced", "https://inee.org/the plan");
    assertThat(form.link("report", true)).isEqualTo("https://inee.org/plan");
    assertThat(form.link("local", true)).isNull();
    assertThat(form.link("spaced", true)).isNull();
    assertThat(form.errors()).extracting(FieldError::field).containsExactly("local", "spaced");
    assertThat(messages(form)).allMatch(message -> message.startsWith("is not a web link"));
  }

  @Test
  void shortEntriesMayShareALineSeparatedByCommasOrSemicolons() {
    var form = reading("countries", "lb, co;SD\n ,ss", "rest", List.of("LB", "CO"),
        "none", " ; ");
    assertThat(form.entries("countries", true)).containsExactly("lb", "co", "SD", "ss");
    assertThat(form.entries("rest", true)).containsExactly("LB", "CO");
    assertThat(form.entries("none", true)).isEmpty();
    assertThat(form.errors()).containsExactly(
        new FieldError("none", "needs at least one entry"));
  }

  @Test
  void aRuleAcrossFieldsIsCollectedWithTheOthers() {
    var form = reading("start", "2026-05-02", "end", "2026-05-01");
    form.check(!form.date("end", true).isBefore(form.date("start", true)), "end",
        "cannot be before the start");
    form.check(true, "start", "never recorded");
    assertThatThrownBy(form::throwIfInvalid).isInstanceOfSatisfying(InvalidInput.class,
        refusal -> assertThat(refusal.errors()).containsExactly(
            new FieldError("end", "cannot be before the start")));
  }
}
