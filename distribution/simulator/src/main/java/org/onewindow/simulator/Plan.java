package org.onewindow.simulator;

import java.util.List;

/** What is decided for a delivery, fixed when it is received. */
record Plan(String decision, List<String> materials, long delayMs, boolean duplicate, boolean autoDecide) {
    /** The plan the switches give now. */
    static Plan of(Switches switches) {
        return new Plan(switches.decision(), switches.supplementMaterials(), switches.decisionDelayMs(),
                switches.duplicateCallbacks(), switches.autoDecide());
    }
}
