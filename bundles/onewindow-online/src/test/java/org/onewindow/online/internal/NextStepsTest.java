package org.onewindow.online.internal;

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
        assertTrue(NextSteps.forCase(CaseStatus.SUPPLEMENT_REQUESTED, List.of("营业执照"), null, null).contains("营业执照"));
        assertTrue(NextSteps.forCase(CaseStatus.IN_REVIEW, null, null, "2026-12-04").contains("2026-12-04（含）前办结"));
        assertTrue(NextSteps.forCase(CaseStatus.DELIVERED, null, "POST", null).contains("邮寄"));
    }
}
