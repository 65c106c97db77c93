package org.onewindow.evaluation;

import java.util.List;

/**
 * A service the citizen may rate: a stage of a case, what it was and where, the indicators to rate, and until when. Nothing
 * personal: the rating page shows it to whoever holds the proof (a pad at the window, the case number and ID suffix, a
 * signed-in citizen, a text's link). {@code rated} says that this stage was rated already (by any channel).
 */
public record RatableDTO(String caseNo, Stage stage, String stageLabel, ServiceKind kind, String itemName, String departmentName,
        Integer windowNo, String servedAt, String rateUntil, boolean rated, List<IndicatorDTO> indicators) {

    /** An indicator as the page shows it. */
    public record IndicatorDTO(Indicator code, String label) {
    }
}
