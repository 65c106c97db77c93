package org.onewindow.intake;

/** Where a case stands; it moves only by the transitions the window and back office may make. */
public enum CaseStatus {
    /** Being taken in at the window. */
    DRAFT("收件中"),
    ACCEPTED("已受理"),
    /** Not accepted, with the reason. */
    REJECTED("不予受理"),
    /** With the owning department's back office. */
    IN_REVIEW("审查中"),
    /** The back office asks for more or corrected materials. */
    SUPPLEMENT_REQUESTED("待补正"),
    APPROVED("准予"),
    DENIED("不予许可"),
    /** The result waits at the window. */
    READY_FOR_PICKUP("待取件"),
    /** Handed out at the window or sent by post. */
    DELIVERED("已出件"),
    /** Withdrawn at the applicant's request. */
    WITHDRAWN("已撤回");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    /** The status as a hall names it, for the shell and paper (the pages have their own i18n). */
    public String label() {
        return label;
    }

    /** Whether the case is still being handled. */
    public boolean isOpen() {
        return this != REJECTED && this != DELIVERED && this != WITHDRAWN;
    }
}
