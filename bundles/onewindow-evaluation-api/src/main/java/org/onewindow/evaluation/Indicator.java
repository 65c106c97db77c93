package org.onewindow.evaluation;

/** What a citizen rates besides the overall level: a window's service or an online one ({@link ServiceKind}). */
public enum Indicator {
    OVERALL("整体满意度"),
    SERVICE_EFFICIENCY("服务效率"),
    SERVICE_SKILL("服务水平"),
    SERVICE_ATTITUDE("服务态度"),
    ONLINE_EFFICIENCY("办事效率"),
    GUIDE_ACCURACY("办事指南精确度"),
    CONVENIENCE("办事便捷度"),
    USABILITY("平台操作性");

    private final String label;

    Indicator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
