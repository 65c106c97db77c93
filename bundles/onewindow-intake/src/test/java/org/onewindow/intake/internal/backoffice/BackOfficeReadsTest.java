package org.onewindow.intake.internal.backoffice;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.ClockDTO;
import org.onewindow.intake.ItemStatisticsDTO;
import org.onewindow.intake.Route;
import org.onewindow.intake.ViolationDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.IntakeDatabase;
import org.onewindow.intake.internal.cases.IntakeFlagEntity;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/** The back office's reads on an in-memory Derby: the review queue by department, the running clocks, the figures by item, the flags. */
public class BackOfficeReadsTest {
    private static final Actor TY_REVIEWER = new Actor("liu", Set.of(Actor.REVIEWER), Set.of("TY"));
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 12, 1);
    private IntakeDatabase db;
    private BackOfficeReads reads;

    @Before
    public void freshDatabase() {
        db = IntakeDatabase.fresh("backoffice");
        reads = new BackOfficeReads(db.unit());
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void theQueueHoldsTheReviewersDepartmentsCasesUnderReviewHereNearestDeadlineFirst() {
        underReview("441302-20261201-0001", "TY", Route.LOCAL, 20);
        underReview("441302-20261201-0002", "TY", Route.LOCAL, 10);
        underReview("441302-20261201-0003", "TY", Route.REMOTE, 5);
        underReview("441302-20261201-0004", "SJ", Route.LOCAL, 5);
        db.store("441302-20261201-0005", CaseStatus.ACCEPTED, c -> c.route = Route.LOCAL);

        CasePage mine = reads.queue(null, 1, 20, TY_REVIEWER);
        assertEquals(2, mine.total);
        assertEquals(List.of("441302-20261201-0002", "441302-20261201-0001"), numbers(mine));
        assertEquals(List.of("441302-20261201-0002"), numbers(reads.queue(" TY ", 1, 1, TY_REVIEWER)));

        Actor everyDepartment = new Actor("chen", Set.of(Actor.REVIEWER), Set.of(Actor.ALL_DEPARTMENTS));
        assertEquals(List.of("441302-20261201-0004", "441302-20261201-0002", "441302-20261201-0001"),
                numbers(reads.queue(null, 1, 20, everyDepartment)));
        assertEquals(List.of("441302-20261201-0004"), numbers(reads.queue("SJ", 1, 20, everyDepartment)));

        assertEquals("NOT_YOUR_DEPARTMENT", assertThrows(Problem.class, () -> reads.queue("SJ", 1, 20, TY_REVIEWER)).code());
        assertEquals("NOT_YOUR_DEPARTMENT", assertThrows(Problem.class, () -> reads.queue(null, 1, 20, new Actor("new", Set.of(Actor.REVIEWER)))).code());
    }

    @Test
    public void theClocksAreThoseOfCasesAcceptedAndNotDecided() {
        clocked("441302-20261201-0001", CaseStatus.ACCEPTED, c -> { });
        clocked("441302-20261201-0002", CaseStatus.IN_REVIEW, c -> c.extendedDays = 5);
        clocked("441302-20261201-0003", CaseStatus.SUPPLEMENT_REQUESTED, c -> c.suspendedSince = LocalDate.of(2026, 12, 4));
        clocked("441302-20261201-0004", CaseStatus.APPROVED, c -> { });
        clocked("441302-20261201-0005", CaseStatus.WITHDRAWN, c -> { });
        db.store("441302-20261201-0006", CaseStatus.ACCEPTED, c -> { });

        List<ClockDTO> clocks = reads.openClocks().stream().sorted((a, b) -> a.caseNo.compareTo(b.caseNo)).collect(Collectors.toList());
        assertEquals(List.of("441302-20261201-0001", "441302-20261201-0002", "441302-20261201-0003"),
                clocks.stream().map(c -> c.caseNo).collect(Collectors.toList()));
        ClockDTO extended = clocks.get(1);
        assertEquals(CaseStatus.IN_REVIEW, extended.status);
        assertEquals("2026-12-01", extended.acceptedOn);
        assertEquals("2026-12-15", extended.deadline);
        assertEquals(15, extended.allowedDays);
        assertEquals("clerk", extended.clerk);
        assertNull(extended.suspendedSince);
        assertEquals("2026-12-04", clocks.get(2).suspendedSince);
    }

    @Test
    public void theFiguresByItemCountAcceptedCasesOnly() {
        db.store("441302-20261201-0001", CaseStatus.DELIVERED, c -> {
            decided(c, true, 3);
            c.visits = 1;
        });
        db.store("441302-20261201-0002", CaseStatus.DELIVERED, c -> {
            decided(c, false, 12);
            c.visits = 0;
            c.channel = Channel.ONLINE;
        });
        db.store("441302-20261201-0003", CaseStatus.IN_REVIEW, c -> {
            c.acceptedOn = ACCEPTED_ON;
            c.deadline = LocalDate.of(2026, 12, 15);
        });
        db.store("441302-20261201-0004", CaseStatus.READY_FOR_PICKUP, c -> {
            decided(c, true, 0);
            c.timeLimitDays = 0;
            c.itemCode = "TY-002";
        });
        db.store("441302-20261201-0005", CaseStatus.DRAFT, c -> { });

        List<ItemStatisticsDTO> figures = reads.statisticsByItem();
        assertEquals(List.of("TY-001", "TY-002"), figures.stream().map(s -> s.itemCode).collect(Collectors.toList()));
        ItemStatisticsDTO ty1 = figures.get(0);
        assertEquals("TY", ty1.departmentCode);
        assertEquals(3, ty1.accepted);
        assertEquals(2, ty1.decided);
        assertEquals(1, ty1.decidedInTime);
        assertEquals(15, ty1.workingDaysUsed);
        assertEquals(0, ty1.instant);
        assertEquals(2, ty1.delivered);
        assertEquals(2, ty1.deliveredInOneVisit);
        assertEquals(1, ty1.deliveredWithoutVisit);
        assertEquals(1, ty1.online);
        assertEquals(1, figures.get(1).instant);
        assertEquals(0, figures.get(1).delivered);
    }

    @Test
    public void theNewestFlagsFirstAtMostAsManyAsAsked() {
        flag(IntakeFlagEntity.of(IntakeFlagEntity.REPEAT_FILING, "441302-20261201-0001", "TY-001", "open cases a", "wang"));
        flag(IntakeFlagEntity.of(IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG, null, "TY-001", "materials X", "liu"));
        flag(IntakeFlagEntity.of(IntakeFlagEntity.REPEAT_FILING, "441302-20261201-0002", "TY-001", "open cases b", "wang"));
        List<ViolationDTO> two = reads.violations(2);
        assertEquals(List.of("open cases b", "materials X"), two.stream().map(v -> v.detail).collect(Collectors.toList()));
        assertEquals("liu", two.get(1).actor);
        assertEquals("at least one", 1, reads.violations(0).size());
    }

    /** A flag raised in a transaction of its own, as the window raises each. */
    private void flag(IntakeFlagEntity f) {
        db.jpa.tx(em -> em.persist(f));
    }

    private void underReview(String caseNo, String department, Route route, int deadlineDay) {
        db.store(caseNo, CaseStatus.IN_REVIEW, c -> {
            c.departmentCode = department;
            c.route = route;
            c.acceptedOn = ACCEPTED_ON;
            c.deadline = LocalDate.of(2026, 12, deadlineDay);
        });
    }

    private void clocked(String caseNo, CaseStatus status, Consumer<CaseEntity> more) {
        db.store(caseNo, status, c -> {
            c.acceptedOn = ACCEPTED_ON;
            c.deadline = LocalDate.of(2026, 12, 15);
            more.accept(c);
        });
    }

    private static void decided(CaseEntity c, boolean inTime, int workingDays) {
        c.acceptedOn = ACCEPTED_ON;
        c.deadline = LocalDate.of(2026, 12, 15);
        c.decidedOn = LocalDate.of(2026, 12, 4);
        c.inTime = inTime ? 1 : 0;
        c.workingDaysUsed = workingDays;
    }

    private static List<String> numbers(CasePage page) {
        return page.items.stream().map(c -> c.caseNo).collect(Collectors.toList());
    }
}
