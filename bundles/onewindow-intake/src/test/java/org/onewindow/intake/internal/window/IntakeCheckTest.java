package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.onewindow.citizen.IdType;
import org.onewindow.intake.Channel;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.problem.Problem;

public class IntakeCheckTest {

    @Test
    public void defaultsAndCanonicalForms() {
        NewCaseDTO r = request("11010519491231002x");
        r.materials = List.of(" M01 ", "M01", "M02");
        IntakeRequest i = IntakeRequest.check(r);
        assertEquals(Channel.WINDOW, i.channel);
        assertEquals(IdType.RESIDENT_ID, i.applicant.idType);
        assertEquals("11010519491231002X", i.applicant.idNumber);
        assertEquals(List.of("M01", "M02"), i.materials);
    }

    @Test
    public void companiesApplyByCreditCode() {
        NewCaseDTO r = request("91350100M000100Y43");
        r.applicant.idType = IdType.CREDIT_CODE;
        assertEquals("91350100M000100Y43", IntakeRequest.check(r).applicant.idNumber);
    }

    @Test
    public void badRequestsAreRefused() {
        refused(request("441302199003071237"), "INVALID_ID_NUMBER");
        NewCaseDTO noItem = request("11010519491231002X");
        noItem.itemCode = " ";
        refused(noItem, "INVALID_CASE");
        NewCaseDTO noApplicant = request("11010519491231002X");
        noApplicant.applicant = null;
        refused(noApplicant, "INVALID_CASE");
        NewCaseDTO badAgent = request("11010519491231002X");
        badAgent.agent = new PartyDTO();
        badAgent.agent.idNumber = "123";
        badAgent.agent.name = "代办人";
        refused(badAgent, "INVALID_ID_NUMBER");
    }

    private static void refused(NewCaseDTO r, String code) {
        try {
            IntakeRequest.check(r);
            fail("must be refused: " + code);
        } catch (Problem e) {
            assertEquals(code, e.code());
        }
    }

    private static NewCaseDTO request(String id) {
        NewCaseDTO r = new NewCaseDTO();
        r.itemCode = "GA-HJ-001";
        r.applicant = new PartyDTO();
        r.applicant.idNumber = id;
        r.applicant.name = "张三";
        return r;
    }
}
