package org.onewindow.intake.internal.backoffice;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.onewindow.intake.CaseStatus;
import org.onewindow.problem.Problem;

/** What an approval or a denial must carry, and how the history notes it. */
public class DecisionTest {

    @Test
    public void anApprovalNamesItsResultAndMayCarryALicence() {
        Decision d = Decision.of("APPROVED", " 准予登记决定书 ", " TY-2026-7 ", null, null, "2031-12-06");
        assertEquals(CaseStatus.APPROVED, d.to());
        assertEquals("准予登记决定书", d.resultDocument());
        assertEquals("TY-2026-7", d.licenceNo());
        assertEquals("2031-12-06", d.licenceValidTo());
        assertEquals("准予：准予登记决定书（证号 TY-2026-7）", d.note("TY-2026-7"));
        assertEquals("准予：准予登记决定书", d.note(null));
        assertNull(Decision.of("APPROVED", "决定书", " ", null, null, null).licenceNo());
        assertEquals("INVALID_DECISION", refused("APPROVED", null, null, null, null).code());
        assertEquals("INVALID_DECISION", refused("APPROVED", "决定书", null, null, "6.12.2031").code());
    }

    @Test
    public void aDenialNamesItsReasonAndLegalBasis() {
        Decision d = Decision.of("DENIED", null, null, "章程不符合要求", "《民办非企业单位登记管理暂行条例》第十二条", null);
        assertEquals(CaseStatus.DENIED, d.to());
        assertEquals("不予许可：章程不符合要求（依据：《民办非企业单位登记管理暂行条例》第十二条）", d.note(null));
        assertEquals("INVALID_DECISION", refused("DENIED", null, null, "理由", null).code());
        assertEquals("INVALID_DECISION", refused("DENIED", null, null, null, "依据").code());
    }

    @Test
    public void onlyApprovedOrDenied() {
        Problem p = refused("supplement", "x", null, "x", "x");
        assertEquals("INVALID_DECISION", p.code());
        assertEquals("决定须为 APPROVED（准予）或 DENIED（不予许可），当前为 'SUPPLEMENT'", p.getMessage());
        assertEquals("决定须为 APPROVED（准予）或 DENIED（不予许可），当前为 空", refused(null, "x", null, null, null).getMessage());
    }

    private static Problem refused(String outcome, String resultDocument, String reason, String legalBasis, String validTo) {
        return assertThrows(Problem.class, () -> Decision.of(outcome, resultDocument, null, reason, legalBasis, validTo));
    }
}
