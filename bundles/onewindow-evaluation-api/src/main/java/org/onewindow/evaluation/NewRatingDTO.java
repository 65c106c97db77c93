package org.onewindow.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A citizen's rating of one stage of a case: the overall {@code level} (1–5), optionally the other indicators of the
 * service's kind (1–5 each), and for a bad level (1 or 2) at least one reason of the current list, and a comment.
 */
public record NewRatingDTO(String caseNo, Stage stage, Integer level, Map<Indicator, Integer> indicators, List<String> reasons,
        String comment) {
}
