package org.onewindow.evaluation;

/** The stages of a case a citizen rates, each once (一事多评): its acceptance (or refusal) and its end (hand-out). */
public enum Stage {
    ACCEPTANCE("受理"),
    DELIVERY("办结/出件");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
