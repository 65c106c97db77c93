package org.onewindow.evaluation.internal.services;

import java.time.Instant;

import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;

/**
 * A stage of a case that can be rated, as read from the case: {@code finalStage} when it ends the case (hand-out, refusal),
 * {@code clerk} who did it, {@code mobile} the contact a text may go to (null: none).
 */
public record ServiceRecord(String caseNo, Stage stage, ServiceKind kind, boolean finalStage, String itemCode, String itemName,
        String departmentCode, String departmentName, String clerk, String mobile, Instant at) {
}
