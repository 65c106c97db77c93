package org.onewindow.intake.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.onewindow.intake.CaseStatus.ACCEPTED;
import static org.onewindow.intake.CaseStatus.APPROVED;
import static org.onewindow.intake.CaseStatus.DELIVERED;
import static org.onewindow.intake.CaseStatus.DRAFT;
import static org.onewindow.intake.CaseStatus.IN_REVIEW;
import static org.onewindow.intake.CaseStatus.READY_FOR_PICKUP;
import static org.onewindow.intake.CaseStatus.REJECTED;
import static org.onewindow.intake.CaseStatus.WITHDRAWN;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.onewindow.intake.CaseStatus;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;

public class StatusMachineTest {
    private static final Actor CLERK = new Actor("c", Set.of(Actor.CLERK));
    private static final Actor REVIEWER = new Actor("r", Set.of(Actor.REVIEWER));

    @Test
    public void aNormalCaseGoesThroughTheBackOffice() {
        StatusMachine.check(DRAFT, ACCEPTED, false, CLERK);
        StatusMachine.check(ACCEPTED, IN_REVIEW, false, REVIEWER);
        StatusMachine.check(IN_REVIEW, APPROVED, false, REVIEWER);
        StatusMachine.check(APPROVED, READY_FOR_PICKUP, false, CLERK);
        StatusMachine.check(READY_FOR_PICKUP, DELIVERED, false, CLERK);
    }

    @Test
    public void theClockRunsFromAcceptanceToTheDecisionAndThreeStatusesCloseACase() {
        assertEquals(Set.of(ACCEPTED, IN_REVIEW, CaseStatus.SUPPLEMENT_REQUESTED), StatusMachine.CLOCKED);
        assertTrue("a clocked case is open", StatusMachine.CLOCKED.stream().allMatch(CaseStatus::isOpen));
        assertEquals(List.of(REJECTED, DELIVERED, WITHDRAWN), StatusMachine.CLOSED);
        for (CaseStatus closed : StatusMachine.CLOSED) {
            assertTrue(closed + " goes nowhere", StatusMachine.allowed(closed, false).isEmpty());
        }
    }

    @Test
    public void backOfficeStepsAreNotPlainTransitions() {
        for (CaseStatus[] move : new CaseStatus[][] {{ACCEPTED, IN_REVIEW}, {IN_REVIEW, APPROVED},
                {IN_REVIEW, CaseStatus.DENIED}, {IN_REVIEW, CaseStatus.SUPPLEMENT_REQUESTED}}) {
            try {
                StatusMachine.checkWindowMove(move[0], move[1], false, REVIEWER);
                fail(move[0] + " -> " + move[1] + " through a plain transition");
            } catch (Problem e) {
                assertEquals("BACK_OFFICE_STEP", e.code());
                assertEquals(ProblemKind.CONFLICT, e.kind());
            }
        }
        StatusMachine.checkWindowMove(CaseStatus.SUPPLEMENT_REQUESTED, IN_REVIEW, false, CLERK);
        StatusMachine.checkWindowMove(IN_REVIEW, WITHDRAWN, false, CLERK);
    }

    @Test
    public void onlyInstantItemsGoStraightToPickup() {
        assertTrue(StatusMachine.allowed(ACCEPTED, true).contains(READY_FOR_PICKUP));
        assertFalse(StatusMachine.allowed(ACCEPTED, false).contains(READY_FOR_PICKUP));
        StatusMachine.check(ACCEPTED, READY_FOR_PICKUP, true, CLERK);
        expect(ProblemKind.CONFLICT, ACCEPTED, READY_FOR_PICKUP, false, CLERK);
    }

    @Test
    public void illegalMovesNameTheAllowedOnes() {
        try {
            StatusMachine.check(DRAFT, DELIVERED, false, CLERK);
            fail("DRAFT cannot be delivered");
        } catch (Problem e) {
            assertEquals("ILLEGAL_TRANSITION", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("ACCEPTED、REJECTED、WITHDRAWN"));
        }
    }

    @Test
    public void finishedCasesDoNotMove() {
        for (CaseStatus end : List.of(REJECTED, DELIVERED, WITHDRAWN)) {
            assertEquals(List.of(), StatusMachine.allowed(end, true));
            assertFalse(end.isOpen());
        }
    }

    @Test
    public void theBackOfficeDecidesTheWindowTakesIn() {
        expect(ProblemKind.FORBIDDEN, IN_REVIEW, APPROVED, false, CLERK);
        expect(ProblemKind.FORBIDDEN, DRAFT, ACCEPTED, false, REVIEWER);
        expect(ProblemKind.FORBIDDEN, READY_FOR_PICKUP, DELIVERED, false, REVIEWER);
    }

    private static void expect(ProblemKind kind, CaseStatus from, CaseStatus to, boolean instant, Actor actor) {
        try {
            StatusMachine.check(from, to, instant, actor);
            fail(from + " -> " + to + " must be refused");
        } catch (Problem e) {
            assertEquals(kind, e.kind());
        }
    }

    @Test
    public void materialsAreTakenUntilTheCaseIsDecided() {
        for (CaseStatus s : List.of(DRAFT, ACCEPTED, IN_REVIEW, CaseStatus.SUPPLEMENT_REQUESTED)) {
            assertTrue(s.name(), StatusMachine.receives(s));
        }
        for (CaseStatus s : List.of(APPROVED, CaseStatus.DENIED, READY_FOR_PICKUP, DELIVERED, REJECTED, WITHDRAWN)) {
            assertFalse(s.name(), StatusMachine.receives(s));
        }
    }
}
