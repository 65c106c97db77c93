package org.onewindow.online.internal.notices;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.onewindow.intake.CaseStatus;
import org.onewindow.online.ApplicationState;

public class NextStepsTest {

    @Test
    public void aCaseMovedAtTheWindowWinsOverThePreReviewState() {
        assertEquals(ApplicationState.SUBMITTED, NextSteps.stateOf(ApplicationState.SUBMITTED, CaseStatus.DRAFT));
        assertEquals(ApplicationState.ACCEPTED, NextSteps.stateOf(ApplicationState.SUBMITTED, CaseStatus.IN_REVIEW));
        assertEquals(ApplicationState.REJECTED, NextSteps.stateOf(ApplicationState.RETURNED, CaseStatus.REJECTED));
        assertEquals(ApplicationState.WITHDRAWN, NextSteps.stateOf(ApplicationState.DRAFT, CaseStatus.WITHDRAWN));
        assertEquals("withdrawn after acceptance stays an accepted application", ApplicationState.ACCEPTED,
                NextSteps.stateOf(ApplicationState.ACCEPTED, CaseStatus.WITHDRAWN));
    }

    @Test
    public void theNextStepNamesWhatToBringAndWhen() {
        assertTrue(NextSteps.forCase(CaseStatus.SUPPLEMENT_REQUESTED, List.of("营业执照"), null, null, null).contains("营业执照"));
        assertTrue(NextSteps.forCase(CaseStatus.IN_REVIEW, null, null, "2026-12-04", null).contains("2026-12-04（含）前办结"));
        assertTrue(NextSteps.forCase(CaseStatus.DELIVERED, null, "POST", null, null).contains("邮寄"));
    }

    @Test
    public void anOnlineApplicantCollectsWithTheIdCardNotAPickupCodeTheyNeverGot() {
        org.onewindow.intake.CaseDTO c = new org.onewindow.intake.CaseDTO();
        c.status = CaseStatus.READY_FOR_PICKUP;
        c.channel = org.onewindow.intake.Channel.ONLINE;
        String online = NextSteps.application(ApplicationState.ACCEPTED, c);
        assertTrue(online, online.contains("身份证") && !online.contains("取件码"));
        c.channel = org.onewindow.intake.Channel.WINDOW;
        assertTrue("a window's applicant has the code on the receipt", NextSteps.application(ApplicationState.ACCEPTED, c).contains("取件码"));
    }
}
