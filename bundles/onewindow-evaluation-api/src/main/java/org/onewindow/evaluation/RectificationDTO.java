package org.onewindow.evaluation;

/**
 * A bad rating's rectification: the rating, the step it waits for and that step's due day and card; what each step
 * recorded, who and when. A step done late keeps {@code late} true in its own record.
 */
public record RectificationDTO(long id, RatingDTO rating, RectificationState state, String stateLabel, String dueOn, Card card,
        String openedAt, Step verify, Step putRight, Step followUp, Boolean justified, boolean malicious, String followUpChannel,
        Boolean satisfied) {

    /** A step's record: due day, what was written, by whom and when, and whether it came after its due day. */
    public record Step(String dueOn, String text, String by, String at, boolean late) {
    }
}
