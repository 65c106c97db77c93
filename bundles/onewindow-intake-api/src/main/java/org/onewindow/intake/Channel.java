package org.onewindow.intake;

/** Where a case came in. */
public enum Channel {
    WINDOW("窗口"),
    ONLINE("网上"),
    KIOSK("自助终端");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The channel as a hall names it, for the shell and paper, as {@link CaseStatus#label()}. */
    public String label() {
        return label;
    }
}
