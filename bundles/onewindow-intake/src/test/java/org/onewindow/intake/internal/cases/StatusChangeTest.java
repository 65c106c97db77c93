package org.onewindow.intake.internal.cases;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseStatus;

/** {@link CaseEntity#moveTo} and {@link CaseEntity#note}, the only ways the window, back office and outbox write a case's steps. */
public class StatusChangeTest {
    private IntakeDatabase db;

    @Before
    public void freshDatabase() {
        db = IntakeDatabase.fresh("steps");
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void aMoveOfAStoredCaseKeepsItsStepAndIsJournaled() {
        db.store("441302-20261207-0001", CaseStatus.ACCEPTED, c -> c.updatedAt = Instant.ofEpochMilli(0));
        long before = db.journal.lastSeq();
        Instant at = Instant.ofEpochMilli(1_765_000_000_000L);
        Cases.tx(db.jpa, db.journal, em -> {
            CaseEntity c = Cases.findForUpdate(em, "441302-20261207-0001");
            em.persist(c.moveTo(CaseStatus.WITHDRAWN, "clerk", at, "申请人撤回"));
            return null;
        });
        CaseEntity read = read("441302-20261207-0001");
        assertEquals(CaseStatus.WITHDRAWN, read.status());
        assertEquals(at.toEpochMilli(), read.updatedAt.toEpochMilli());
        assertEquals(1, read.history.size());
        CaseHistoryEntity step = read.history.get(0);
        assertEquals(CaseStatus.ACCEPTED, step.from);
        assertEquals(CaseStatus.WITHDRAWN, step.to);
        assertEquals("clerk", step.by);
        assertEquals("申请人撤回", step.note);
        assertEquals(at.toEpochMilli(), step.at.toEpochMilli());
        List<JournalEntry> journaled = db.journal.after(before, 10);
        assertEquals(1, journaled.size());
        assertEquals("441302-20261207-0001", journaled.get(0).key);
        assertTrue(journaled.get(0).payload, journaled.get(0).payload.contains("\"status\":\"WITHDRAWN\""));
    }

    @Test
    public void aNewCasesFirstStepIsStoredWithIt() {
        Instant at = Instant.ofEpochMilli(1_765_000_000_000L);
        db.store("441302-20261207-0002", null, c -> c.moveTo(CaseStatus.DRAFT, "clerk", at, "收件"));
        CaseEntity read = read("441302-20261207-0002");
        assertEquals(CaseStatus.DRAFT, read.status());
        assertEquals(1, read.history.size());
        assertNull("a new case comes from nowhere", read.history.get(0).from);
        assertEquals(CaseStatus.DRAFT, read.history.get(0).to);
        assertEquals("收件", read.history.get(0).note);
    }

    @Test
    public void aNoteLeavesTheStatusAndTheTimeOfTheLastChange() {
        db.store("441302-20261207-0003", CaseStatus.IN_REVIEW, c -> c.updatedAt = Instant.ofEpochMilli(0));
        Cases.tx(db.jpa, db.journal, em -> {
            CaseEntity c = Cases.findForUpdate(em, "441302-20261207-0003");
            em.persist(c.note("city:441303", InstantColumns.now(), "441303 已接收补正材料（全市通办）"));
            return null;
        });
        CaseEntity read = read("441302-20261207-0003");
        assertEquals(CaseStatus.IN_REVIEW, read.status());
        assertEquals(0L, read.updatedAt.toEpochMilli());
        CaseHistoryEntity step = read.history.get(0);
        assertEquals(CaseStatus.IN_REVIEW, step.from);
        assertEquals(CaseStatus.IN_REVIEW, step.to);
        assertEquals("city:441303", step.by);
    }

    /** The case as stored, read in a transaction of its own with its history. */
    private CaseEntity read(String caseNo) {
        return db.jpa.txExpr(em -> {
            CaseEntity c = Cases.find(em, caseNo);
            em.refresh(c);
            c.history.size();
            return c;
        });
    }
}
