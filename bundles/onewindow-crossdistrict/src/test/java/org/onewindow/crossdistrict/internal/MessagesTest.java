package org.onewindow.crossdistrict.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.RemoteDecisionDTO;
import org.onewindow.problem.Problem;

/** The deciding district's copy of a case, read as the decision the accepting district applies. */
public class MessagesTest {

    @Test
    public void anApprovalCarriesTheResultAndWhoDecided() {
        CaseDTO c = Messages.read("{\"caseNo\":\"441302-20261128-0001\",\"status\":\"APPROVED\",\"originDelivery\":\"k1\","
                + "\"decision\":{\"outcome\":\"APPROVED\",\"resultDocument\":\"户口迁移证\",\"licenceNo\":\"441302-20261128-0001\"},"
                + "\"history\":[{\"by\":\"city:441302\",\"note\":\"全市通办\"},{\"by\":\"reviewer\",\"at\":\"2026-11-28T09:00:00Z\"}],"
                + "\"aFieldOfANewerVersion\":1}", CaseDTO.class);
        RemoteDecisionDTO d = Messages.decision(c);
        assertEquals("APPROVED", d.decision);
        assertEquals("k1", d.deliveryKey);
        assertEquals("户口迁移证", d.resultDocument);
        assertEquals("441302-20261128-0001", d.licenceNo);
        assertEquals("reviewer", d.decidedBy);
        assertEquals("2026-11-28T09:00:00Z", d.decidedAt);
        assertNull(d.reason);
    }

    @Test
    public void aDenialCarriesReasonAndBasisAndASupplementTheMaterials() {
        RemoteDecisionDTO denied = Messages.decision(Messages.read("{\"caseNo\":\"n\",\"status\":\"DENIED\",\"originDelivery\":\"k\","
                + "\"decision\":{\"outcome\":\"DENIED\",\"reason\":\"不符合条件\",\"legalBasis\":\"第十三条\"}}", CaseDTO.class));
        assertEquals("DENIED", denied.decision);
        assertEquals("不符合条件", denied.reason);
        assertEquals("第十三条", denied.legalBasis);
        RemoteDecisionDTO supplement = Messages.decision(Messages.read("{\"caseNo\":\"n\",\"status\":\"SUPPLEMENT_REQUESTED\","
                + "\"originDelivery\":\"k\",\"supplementMaterials\":[\"M02\"]}", CaseDTO.class));
        assertEquals("SUPPLEMENT", supplement.decision);
        assertEquals(List.of("M02"), supplement.materials);
    }

    @Test
    public void aCaseStillUnderReviewIsNoDecision() {
        try {
            Messages.decision(Messages.read("{\"caseNo\":\"n\",\"status\":\"IN_REVIEW\"}", CaseDTO.class));
            fail("accepted");
        } catch (Problem p) {
            assertEquals("MESSAGE_UNREADABLE", p.code());
        }
        try {
            Messages.read("{not json", CaseDTO.class);
            fail("accepted");
        } catch (Problem p) {
            assertEquals("MESSAGE_UNREADABLE", p.code());
        }
    }
}
