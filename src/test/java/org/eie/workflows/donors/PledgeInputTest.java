package org.eie.workflows.donors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.InvalidInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A pledge as the API receives it: a registered donor, an amount in dollars and cents, a date
 * not in the future, a status, and an earmark that is one of the appeal's activities, by code or
 * by the name the appeal document prints, stored as the code.
 */
@Tag("fast")
class PledgeInputTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-20");
  static final Optional<AppealRequirements.Requirements> REQUIREMENTS = Optional.of(
      new AppealRequirements.Requirements(new BigDecimal("3500000"), Map.of(
          "TEMPORARY_LEARNING_SPACES", new BigDecimal("2400000"),
          "PSYCHOSOCIAL_SUPPORT", new BigDecimal("1100000"))));

  /** The appeal's own names of its activities (package-private there). */
  static ActivityNames priorityActivityNames() {
    try {
      var type = Class.forName("org.eie.workflows.appeal.PriorityActivityNames");
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (ActivityNames) constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static PledgeInput validated(PledgeInput pledge) {
    return pledge.validated("donor-echo"::equals, REQUIREMENTS, TODAY, priorityActivityNames());
  }

  static PledgeInput pledge(String activity, String amount, String date, String status) {
    return new PledgeInput("donor-echo", "appeal-1", activity,
        amount == null ? null : new BigDecimal(amount), date == null ? null : LocalDate.parse(date),
        status);
  }

  @Test
  void aPledgeEarmarkedByThePrintedNameIsStoredWithTheActivitysCode() {
    var pledge = validated(pledge("Temporary learning spaces", "250000.50", "2026-11-20",
        " committed "));

    assertThat(pledge.activity()).isEqualTo("TEMPORARY_LEARNING_SPACES");
    assertThat(pledge.status()).isEqualTo("COMMITTED");
  }

  @Test
  void anEarmarkByCodeInAnyCaseIsTheCode() {
    assertThat(validated(pledge("psychosocial_support", "1000", "2026-11-01", "PAID"))
        .activity()).isEqualTo("PSYCHOSOCIAL_SUPPORT");
  }

  @Test
  void anActivityThatIsNotTheAppealsIsRefusedNamingTheAppealsActivities() {
    assertThatThrownBy(() -> validated(pledge("School repair", "1000", "2026-11-01", "PAID")))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> {
          assertThat(refused.field()).isEqualTo("activity");
          assertThat(refused.getMessage()).contains("'School repair' is not an activity of this"
              + " appeal");
        });
  }

  @Test
  void fractionsOfACentZeroAndTheFutureAreRefused() {
    assertThatThrownBy(() -> validated(pledge(null, "10.005", "2026-11-21", "PLEDGED")))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(FieldError::field).containsExactly("amountUsd", "date"));
    assertThatThrownBy(() -> validated(pledge(null, "0", "2026-11-20", "PLEDGED")))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.getMessage())
            .contains("must be more than 0"));
  }

  @Test
  void anUnregisteredDonorAndAnUnknownStatusAreNamed() {
    var pledge = new PledgeInput("donor-nobody", "appeal-1", null, new BigDecimal("5"),
        TODAY, "PROMISED");

    assertThatThrownBy(() -> validated(pledge))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
            .extracting(FieldError::field).containsExactly("donorId", "status"));
  }

  @Test
  void anEarmarkThatLooksLikeAnExpressionIsRefused() {
    assertThatThrownBy(() -> validated(pledge("${1+1}", "5", "2026-11-20", "PAID")))
        .isInstanceOfSatisfying(InvalidInput.class,
            refused -> assertThat(refused.field()).isEqualTo("activity"));
  }
}
