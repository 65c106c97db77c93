package org.onewindow.evaluation;

/** Where a rating was given. */
public enum RatingChannel {
    PAD("窗口评价器"),
    KIOSK("自助终端"),
    ONLINE("网上办事大厅"),
    SMS("短信邀评");

    private final String label;

    RatingChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
