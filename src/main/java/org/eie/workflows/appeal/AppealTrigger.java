package org.eie.workflows.appeal;

import java.util.List;

/**
 * What the Humanitarian Coordinator's decision to appeal says, as recorded by the cluster:
 * the first data of every appeal. Dates are ISO-8601 text so the JSON variable reads the same in
 * Tasklist, Cockpit and REST.
 *
 * @param country          ISO code of a configured country cluster
 * @param emergencyType    what happened (earthquake, explosion, floods, ...)
 * @param onset            when it happened, ISO-8601 with offset
 * @param affectedAreas    names of the affected areas, in any script
 * @param appealType       {@link AppealType} name
 * @param situationSummary a few sentences for the appeal's crisis summary
 * @param peopleAffected   first estimate, or null when not known yet
 * @param schoolsAffected  first estimate, or null when not known yet
 * @param language         language of the appeal document ({@code en}, {@code fr})
 */
public record AppealTrigger(String country, String emergencyType, String onset,
    List<String> affectedAreas, String appealType, String situationSummary, Long peopleAffected,
    Long schoolsAffected, String language) {
}
