package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.internal.cases.IntakeDatabase;

/** The numbering and the repeat-filing check of {@link CaseOpening} on an in-memory Derby (opening itself needs the catalog). */
public class CaseOpeningTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private IntakeDatabase db;

    @Before
    public void freshDatabase() {
        db = IntakeDatabase.fresh("opening");
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void eachDayCountsFromOneWithoutGaps() {
        assertEquals(List.of(1, 2), db.jpa.txExpr(em -> List.of(CaseOpening.nextSequence(em, DAY), CaseOpening.nextSequence(em, DAY))));
        assertEquals(1, (int) db.jpa.txExpr(em -> CaseOpening.nextSequence(em, DAY.plusDays(1))));
        try {
            db.jpa.txExpr(em -> {
                assertEquals(3, CaseOpening.nextSequence(em, DAY));
                throw new IllegalStateException("the case was not stored");
            });
            fail();
        } catch (IllegalStateException e) {
            // the number goes back with the case
        }
        assertEquals("a number is not lost with a case that was not stored", 3, (int) db.jpa.txExpr(em -> CaseOpening.nextSequence(em, DAY)));
    }

    @Test
    public void aRepeatFilingIsTheApplicantsOpenCaseOfTheSameItem() {
        db.store("441302-20261201-0001", CaseStatus.ACCEPTED, c -> { });
        db.store("441302-20261201-0002", CaseStatus.WITHDRAWN, c -> { });
        db.store("441302-20261201-0003", CaseStatus.DELIVERED, c -> { });
        db.store("441302-20261201-0004", CaseStatus.REJECTED, c -> { });
        db.store("441302-20261201-0005", CaseStatus.IN_REVIEW, c -> c.itemCode = "TY-002");
        db.store("441302-20261201-0006", CaseStatus.DRAFT, c -> c.applicantId = "440524188001010014");
        assertEquals(List.of("441302-20261201-0001"),
                db.jpa.txExpr(em -> CaseOpening.openCasesOf(em, "11010519491231002X", "TY-001")));
        assertEquals(List.of(), db.jpa.txExpr(em -> CaseOpening.openCasesOf(em, "11010519491231002X", "TY-003")));
    }
}
