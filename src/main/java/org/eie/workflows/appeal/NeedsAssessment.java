package org.eie.workflows.appeal;

import java.util.List;

/**
 * The phase-1 rapid needs assessment (first 72 hours). Migrant and host figures are null where
 * not relevant; what could not be established is said in {@code dataGaps}, not hidden as zero.
 */
public record NeedsAssessment(long girlsInNeed, long boysInNeed, long withDisabilitiesInNeed,
    Long migrantsInNeed, Long hostCommunityInNeed, long schoolsDamaged, long schoolsDestroyed,
    long schoolsUsedAsShelters, long teachersAffected, List<String> affectedAreas,
    List<String> dataGaps, String assessedBy, String assessedAt) {
}
