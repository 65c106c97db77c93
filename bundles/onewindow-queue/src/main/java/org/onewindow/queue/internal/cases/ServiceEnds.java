package org.onewindow.queue.internal.cases;

import org.onewindow.intake.CaseStatus;

/**
 * Which move of a case ends the service of the ticket it is served for: the window's part is over once the case is
 * accepted (受理) or rejected, withdrawn, or its result handed out. An instant item (即来即办, no time limit) is decided
 * and handed out at the same window right after its acceptance, so for it only the hand-out (or a rejection) ends it.
 */
public final class ServiceEnds {
    private ServiceEnds() {
    }

    public static boolean by(CaseStatus status, int timeLimitDays) {
        return switch (status) {
            case ACCEPTED -> timeLimitDays > 0;
            case REJECTED, WITHDRAWN, DELIVERED -> true;
            default -> false;
        };
    }
}
