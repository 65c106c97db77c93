package org.onewindow.intake.internal.window;

import java.time.LocalDate;

import javax.persistence.EntityManager;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/**
 * The result handed out ({@code DELIVERED}): sent by post with its carrier and tracking number, or collected at the
 * window by the applicant, the agent or the holder of the pickup code (PickupCheck), each hand-out an audit event.
 */
record HandOut(AuditTrail trail) {
    /** Records how the result of {@code c} leaves the hall, in the hand-out's transaction; a failed pickup check refuses it. */
    void deliver(EntityManager em, CaseEntity c, TransitionDTO request, LocalDate today, Actor actor) {
        if (request.trackingNo != null || request.carrier != null) {
            c.deliveryMethod = "POST";
            c.carrier = IntakeRequest.required(request.carrier, "carrier", "邮寄送达须写明承运方");
            c.trackingNo = IntakeRequest.required(request.trackingNo, "trackingNo", "邮寄送达须写明运单号");
            return;
        }
        PickupCheck.Proof proof = PickupCheck.check(c.applicantId, c.agentId, c.pickupCode, request.collectorIdNumber, request.pickupCode)
                .orElse(null);
        if (proof == null) {
            // the refusal rolls the hand-out back, so it is recorded in a transaction of its own
            trail.record(AuditEvent.of(CaseReads.HAND_OUT, actor).on("CASE", c.caseNo).caseNo(c.caseNo).citizen(c.applicantId)
                    .outcome(Outcome.FAILURE).detail("pickup check failed"));
            throw Problem.badRequest("PICKUP_CHECK_FAILED", "取件核验未通过：请核对申请人或代办人身份证件号码，或取件码");
        }
        c.deliveryMethod = "WINDOW";
        c.collectedBy = switch (proof) {
            case APPLICANT_ID -> c.applicantId;
            case AGENT_ID -> c.agentId;
            case PICKUP_CODE -> null;
        };
        c.visit(today);
        CaseReads.record(em, trail, CaseReads.HAND_OUT, actor, c.caseNo, c.applicantId, "collected by " + proof);
    }
}
