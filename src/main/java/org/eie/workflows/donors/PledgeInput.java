package org.eie.workflows.donors;

import org.eie.workflows.forms.InvalidInput;
import org.eie.workflows.forms.FieldError;
import org.eie.workflows.forms.FormReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A pledge as the API receives it, before validation. */
record PledgeInput(String donorId, String appealId, String activity, BigDecimal amountUsd,
    LocalDate date, String status) {

  private static final BigDecimal MAX = new BigDecimal("1000000000000");

  /**
   * The pledge checked field by field, or 400 naming each bad field.
   *
   * @param donorExists  whether a donor id is registered
   * @param requirements the appeal's requirements if known (the activity must be one of them)
   * @param today        today's date (a pledge cannot be dated in the future)
   * @param names        the activities' codes by their names
   */
  PledgeInput validated(java.util.function.Predicate<String> donorExists,
      Optional<AppealRequirements.Requirements> requirements, LocalDate today,
      ActivityNames names) {
    List<FieldError> errors = new ArrayList<>();
    if (FormReader.isBlank(donorId)) {
      errors.add(new FieldError("donorId", "is required"));
    } else if (!donorExists.test(donorId)) {
      errors.add(new FieldError("donorId", "no registered donor has this id"));
    }
    if (amountUsd == null) {
      errors.add(new FieldError("amountUsd", "is required"));
    } else if (amountUsd.signum() <= 0) {
      errors.add(new FieldError("amountUsd", "must be more than 0"));
    } else if (amountUsd.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError("amountUsd", "has more than 2 decimals (cents)"));
    } else if (amountUsd.compareTo(MAX) > 0) {
      errors.add(new FieldError("amountUsd", "is larger than 1,000,000,000,000 USD"));
    }
    if (date == null) {
      errors.add(new FieldError("date", "is required (YYYY-MM-DD)"));
    } else if (date.isAfter(today)) {
      errors.add(new FieldError("date", "is in the future"));
    }
    Pledge.Status parsedStatus = null;
    if (status == null || status.isBlank()) {
      errors.add(new FieldError("status", "is required (PLEDGED, COMMITTED or PAID)"));
    } else {
      try {
        parsedStatus = Pledge.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("status", "'" + status + "' is not PLEDGED, COMMITTED or PAID"));
      }
    }
    // Earmarked by the activity's code or its name as the appeal document prints it, in any
    // case ("Temporary learning spaces", as the README's example); stored as the code. Free
    // text while no requirements are known.
    String earmark = FormReader.isBlank(activity) ? null : activity.strip();
    if (earmark != null && (earmark.length() > 200 || earmark.contains("${")
        || earmark.contains("#{"))) {
      errors.add(new FieldError("activity", "is an activity's name of at most 200 characters"));
    } else if (earmark != null && requirements.isPresent()) {
      String named = earmark;
      var activities = requirements.get().byActivityUsd().keySet();
      earmark = activities.stream().filter(key -> key.equalsIgnoreCase(named)).findFirst()
          .or(() -> names.codeOf(named).filter(activities::contains)).orElse(null);
      if (earmark == null) {
        errors.add(new FieldError("activity", "'" + named + "' is not an activity of this appeal"
            + " (activities: " + String.join(", ", requirements.get().byActivityUsd().keySet())
            + ")"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new PledgeInput(donorId, appealId, earmark, amountUsd, date, parsedStatus.name());
  }
}
