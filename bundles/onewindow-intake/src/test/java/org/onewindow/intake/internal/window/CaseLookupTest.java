package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.onewindow.citizen.IdType;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.window.CaseLookup.Kind;
import org.onewindow.problem.Problem;

public class CaseLookupTest {
    @Test
    public void whatIsTypedSaysTheKey() {
        assertEquals(new CaseLookup.Key(Kind.CASE_NO, "330106-20261206-0007"), CaseLookup.key(" 330106-20261206-0007 "));
        assertEquals(new CaseLookup.Key(Kind.PICKUP_CODE, "042917"), CaseLookup.key("042917"));
        assertEquals(new CaseLookup.Key(Kind.ID_NUMBER, "11010519491231002X"), CaseLookup.key("110105 19491231002x"));
        assertEquals("a company's credit code", Kind.ID_NUMBER, CaseLookup.key("91330106MA2H1234X5").kind());
        assertEquals(new CaseLookup.Key(Kind.MOBILE, "13812345678"), CaseLookup.key("138 1234 5678"));
        assertEquals(new CaseLookup.Key(Kind.NAME, "张三"), CaseLookup.key(" 张三 "));
    }

    @Test
    public void aKeyOfNoKindIsRefusedWithItsCode() {
        for (String typed : new String[] {null, "", "张", "12345", "1234567", "12812345678", "张3"}) {
            try {
                CaseLookup.key(typed);
                fail(typed);
            } catch (Problem expected) {
                assertEquals(typed, "INVALID_LOOKUP", expected.code());
            }
        }
    }

    @Test
    public void theTrailNamesTheKeyMaskedAndNeverThePickupCode() {
        assertEquals("by ID number " + org.onewindow.citizen.IdNumbers.mask("11010519491231002X"),
                CaseLookup.key("11010519491231002X").audited());
        assertFalse(CaseLookup.key("11010519491231002X").audited().contains("19491231"));
        assertEquals("by mobile 138****5678", CaseLookup.key("13812345678").audited());
        assertEquals("by pickup code", CaseLookup.key("042917").audited());
        assertEquals("by name 欧**", CaseLookup.key("欧阳娜").audited());
    }

    @Test
    public void resultsShowIdNumbersAndMobilesMasked() {
        CaseEntity e = new CaseEntity();
        e.caseNo = "330106-20261206-0007";
        e.createdAt = InstantColumns.now();
        e.applicantIdType = IdType.RESIDENT_ID;
        e.applicantId = "11010519491231002X";
        e.applicantName = "张三";
        e.applicantPhone = "13812345678";
        e.agentIdType = IdType.RESIDENT_ID;
        e.agentId = "330102198506150075";
        e.agentName = "李四";
        e.agentPhone = "139-0000-1111";
        CaseDTO dto = CaseLookup.masked(e);
        assertEquals(org.onewindow.citizen.IdNumbers.mask("11010519491231002X"), dto.applicant.idNumber);
        assertFalse(dto.applicant.idNumber.contains("19491231"));
        assertEquals("138****5678", dto.applicant.phone);
        assertEquals("张三", dto.applicant.name);
        assertTrue(dto.agent.idNumber, !dto.agent.idNumber.contains("19850615"));
        assertEquals("139****1111", dto.agent.phone);
    }
}
