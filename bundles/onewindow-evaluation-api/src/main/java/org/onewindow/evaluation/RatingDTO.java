package org.onewindow.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A rating as a supervisor sees it: the service it rates (case, item, department, window, clerk) and what was said; never
 * who said it. {@code malicious}: judged malicious after verification, kept and left out of the figures.
 */
public record RatingDTO(long id, String caseNo, Stage stage, ServiceKind kind, RatingChannel channel, int level, String levelLabel,
        Map<Indicator, Integer> indicators, List<String> reasons, int reasonsVersion, String comment, String itemCode, String itemName,
        String departmentCode, String departmentName, Integer windowNo, String clerk, String servedAt, String ratedAt,
        boolean malicious) {
}
