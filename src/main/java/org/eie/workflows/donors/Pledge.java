package org.eie.workflows.donors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A donor's pledge to an appeal, as the co-leads or the Secretariat recorded it.
 *
 * @param activity the activity it is earmarked for, or null for the appeal as a whole
 * @param status   PLEDGED (announced), COMMITTED (signed agreement), PAID (received)
 */
record Pledge(String id, String donorId, String donorOrganisation, String appealId,
    String activity, BigDecimal amountUsd, LocalDate date, Status status, String recordedBy,
    Instant createdAt, Instant updatedAt) {

  enum Status {
    PLEDGED, COMMITTED, PAID;

    /** Money the appeal can count on: committed or paid (see {@link Coverage}). */
    boolean funds() {
      return this != PLEDGED;
    }
  }
}
