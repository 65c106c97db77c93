package org.onewindow.evaluation;

/** Where a bad rating's rectification (差评整改) stands: 核实, 整改, 回访, then closed. */
public enum RectificationState {
    VERIFY("待核实"),
    PUT_RIGHT("待整改"),
    FOLLOW_UP("待回访"),
    CLOSED("已办结");

    private final String label;

    RectificationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
