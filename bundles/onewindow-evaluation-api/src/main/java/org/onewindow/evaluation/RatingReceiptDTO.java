package org.onewindow.evaluation;

/** What the citizen is told after rating: thanks, and for a bad rating that the department will look into it and call back. */
public record RatingReceiptDTO(long id, String caseNo, Stage stage, int level, String levelLabel, boolean followedUp) {
}
