package org.eie.workflows.donors;

import java.time.Instant;
import java.util.List;

/**
 * A donor organisation's contact who receives appeals.
 *
 * @param language    ISO 639-1 code; the e-mail is in this language where a bundle exists
 * @param countries   receives every appeal for these countries (ISO codes of {@code eie.countries})
 * @param appealTypes ...and every appeal of these types, whatever the country
 * @param active      false once unsubscribed: receives nothing more, history kept
 */
record Donor(String id, String organisation, String contactName, String email, String language,
    List<String> countries, List<String> appealTypes, boolean active, Instant createdAt,
    Instant updatedAt) {
}
