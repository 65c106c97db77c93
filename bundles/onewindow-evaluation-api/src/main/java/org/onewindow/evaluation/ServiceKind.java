package org.onewindow.evaluation;

import java.util.List;

/** A service at a window or online: each is rated on its own indicators (the first is always the overall one). */
public enum ServiceKind {
    WINDOW(List.of(Indicator.OVERALL, Indicator.SERVICE_EFFICIENCY, Indicator.SERVICE_SKILL, Indicator.SERVICE_ATTITUDE)),
    ONLINE(List.of(Indicator.OVERALL, Indicator.ONLINE_EFFICIENCY, Indicator.GUIDE_ACCURACY, Indicator.CONVENIENCE,
            Indicator.USABILITY));

    private final List<Indicator> indicators;

    ServiceKind(List<Indicator> indicators) {
        this.indicators = indicators;
    }

    public List<Indicator> indicators() {
        return indicators;
    }
}
