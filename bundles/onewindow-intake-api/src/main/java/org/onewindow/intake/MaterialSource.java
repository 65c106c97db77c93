package org.onewindow.intake;

/** Where a case's material came from. */
public enum MaterialSource {
    /** Handed in (and scanned) at the window. */
    WINDOW,
    /** Satisfied from the electronic licence library: no paper needed (一号申办). */
    LICENCE,
    /** Reused from the same applicant's earlier case, confirmed by the clerk (历史办事数据复用). */
    EARLIER_CASE
}
