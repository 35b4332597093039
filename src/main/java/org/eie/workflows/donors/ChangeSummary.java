package org.eie.workflows.donors;

import java.math.BigDecimal;

/**
 * What changed in an appeal since the version donors received before, as the e-mail carrying
 * the new version states it (the document's "What changed" page has the details).
 *
 * @param sinceVersion   the version compared with
 * @param fundedBefore   committed + paid when that version was published, null when not known
 * @param fundedAfter    committed + paid now, null when not known
 */
public record ChangeSummary(int sinceVersion, BigDecimal requirementBefore,
    BigDecimal requirementAfter, long targetedBefore, long targetedAfter, int projectsAdded,
    int projectsChanged, int projectsWithdrawn, BigDecimal fundedBefore,
    BigDecimal fundedAfter) {
}
