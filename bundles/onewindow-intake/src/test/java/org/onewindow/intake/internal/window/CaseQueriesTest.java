package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseLookupDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeStatisticsDTO;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeDatabase;
import org.onewindow.intake.internal.cases.IntakeFlagEntity;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/**
 * The window's reads on an in-memory Derby with the real audit trail: the staff's search, the search box, the kiosk's
 * look-up and the counts. None of these consults the catalog (only one case's full view does), so there is none here.
 */
public class CaseQueriesTest {
    private static final Actor CLERK = new Actor("wang", Set.of(Actor.CLERK));
    private static final String ZHANG = "11010519491231002X";
    private static final String LI = "440524188001010014";
    private IntakeDatabase db;
    private AuditTrail trail;
    private CaseQueries queries;

    @Before
    public void freshDatabase() {
        db = IntakeDatabase.fresh("queries");
        trail = db.trail();
        queries = new CaseQueries(db.unit(), null, trail, null, ZoneId.of("Asia/Shanghai"));
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void theSearchFiltersByStatusAndByTheHallsDaysNewestNumberFirst() {
        // 23:30 on 6 December in the hall, 00:30 and 17:00 on 7 December
        created("441302-20261206-0001", "2026-12-06T15:30:00Z", CaseStatus.ACCEPTED);
        created("441302-20261207-0001", "2026-12-06T16:30:00Z", CaseStatus.ACCEPTED);
        created("441302-20261207-0002", "2026-12-07T09:00:00Z", CaseStatus.DRAFT);

        CaseQuery onTheSeventh = new CaseQuery();
        onTheSeventh.from = "2026-12-07";
        onTheSeventh.to = "2026-12-07";
        assertEquals(List.of("441302-20261207-0002", "441302-20261207-0001"), numbers(queries.search(onTheSeventh, CLERK)));

        CaseQuery accepted = new CaseQuery();
        accepted.status = CaseStatus.ACCEPTED;
        CasePage page = queries.search(accepted, CLERK);
        assertEquals(2, page.total);
        assertEquals(List.of("441302-20261207-0001", "441302-20261206-0001"), numbers(page));

        accepted.size = 1;
        accepted.page = 2;
        CasePage second = queries.search(accepted, CLERK);
        assertEquals(2, second.total);
        assertEquals(List.of("441302-20261206-0001"), numbers(second));
        assertTrue("a search without an applicant is not a read of a citizen's cases", records("SEARCH_APPLICANT").isEmpty());
    }

    @Test
    public void aSearchByApplicantIsRecordedMaskedAndABadDayRefused() {
        created("441302-20261207-0001", "2026-12-07T01:00:00Z", CaseStatus.ACCEPTED);
        db.store("441302-20261207-0002", CaseStatus.DRAFT, c -> c.applicantId = LI);
        CaseQuery byApplicant = new CaseQuery();
        byApplicant.applicant = " 11010519491231002x ";
        assertEquals(List.of("441302-20261207-0001"), numbers(queries.search(byApplicant, CLERK)));
        List<AuditRecord> recorded = records("SEARCH_APPLICANT");
        assertEquals(1, recorded.size());
        assertEquals("wang", recorded.get(0).actor);
        assertEquals(IdNumbers.mask(ZHANG), recorded.get(0).citizen);
        assertEquals("1 cases found", recorded.get(0).detail);

        CaseQuery badDay = new CaseQuery();
        badDay.from = "7.12.2026";
        assertEquals("INVALID_QUERY", assertThrows(Problem.class, () -> queries.search(badDay, CLERK)).code());
    }

    @Test
    public void theSearchBoxFindsByNumberAndByEitherPartysIdNumberWithNumbersMasked() {
        db.store("441302-20261207-0001", CaseStatus.ACCEPTED, c -> c.applicantPhone = "13812345678");
        db.store("441302-20261207-0002", CaseStatus.DRAFT, c -> {
            c.applicantId = LI;
            c.applicantName = "李四";
            c.agentIdType = IdType.RESIDENT_ID;
            c.agentId = ZHANG;
            c.agentName = "张三";
        });
        db.store("441302-20261207-0003", CaseStatus.DRAFT, c -> c.applicantId = LI);

        CasePage byNumber = queries.lookUp(lookup("441302-20261207-0001"), CLERK);
        assertEquals(1, byNumber.total);
        CaseDTO found = byNumber.items.get(0);
        assertEquals(IdNumbers.mask(ZHANG), found.applicant.idNumber);
        assertEquals("138****5678", found.applicant.phone);

        CasePage byId = queries.lookUp(lookup(ZHANG), CLERK);
        assertEquals("as applicant and as agent", 2, byId.total);
        assertEquals(Set.of("441302-20261207-0001", "441302-20261207-0002"), Set.copyOf(numbers(byId)));
        CaseDTO asAgent = byId.items.stream().filter(c -> c.agent != null).findFirst().orElseThrow();
        assertEquals(IdNumbers.mask(ZHANG), asAgent.agent.idNumber);
        assertEquals(IdNumbers.mask(LI), asAgent.applicant.idNumber);
        assertFalse(byId.toString(), byId.items.stream().anyMatch(c -> ZHANG.equals(c.applicant.idNumber)));

        List<AuditRecord> searches = records("LOOK_UP");
        assertEquals(2, searches.size());
        AuditRecord newest = searches.get(0);
        assertEquals("by ID number " + IdNumbers.mask(ZHANG) + ": 2 cases found", newest.detail);
        assertFalse("the whole number is never in the trail's text", newest.detail.contains(ZHANG));

        assertEquals("one character is no key", "INVALID_LOOKUP", assertThrows(Problem.class, () -> queries.lookUp(lookup("李"), CLERK)).code());
        assertEquals("only a clerk uses the search box", "FORBIDDEN",
                assertThrows(Problem.class, () -> queries.lookUp(lookup(ZHANG), new Actor("r", Set.of(Actor.REVIEWER)))).code());
    }

    @Test
    public void theKioskNeedsTheNumberAndTheLastSixOfTheIdNumber() {
        db.store("441302-20261207-0001", CaseStatus.IN_REVIEW, c -> {
            c.acceptedOn = LocalDate.of(2026, 12, 7);
            c.deadline = LocalDate.of(2026, 12, 21);
        });
        PublicStatusDTO status = queries.publicStatus(" 441302-20261207-0001 ", "31002x");
        assertEquals(CaseStatus.IN_REVIEW, status.status);
        assertEquals("2026-12-21", status.deadline);
        assertNull("no supplement asked", status.supplementMaterials);
        assertEquals("CASE_NOT_FOUND", assertThrows(Problem.class, () -> queries.publicStatus("441302-20261207-0001", "310020")).code());
        assertEquals("CASE_NOT_FOUND", assertThrows(Problem.class, () -> queries.publicStatus("441302-20261207-0009", "31002X")).code());
        assertEquals("INVALID_QUERY", assertThrows(Problem.class, () -> queries.publicStatus("441302-20261207-0001", "1002X")).code());
        List<AuditRecord> looked = records("PUBLIC_STATUS");
        assertEquals("only the look-up that found the case", 1, looked.size());
        assertEquals("kiosk", looked.get(0).actor);
        assertEquals("441302-20261207-0001", looked.get(0).caseNo);
    }

    @Test
    public void theCountsOfTheWindow() {
        db.store("441302-20261207-0001", CaseStatus.DRAFT, c -> { });
        db.store("441302-20261207-0002", CaseStatus.ACCEPTED, c -> { });
        db.store("441302-20261207-0003", CaseStatus.DELIVERED, c -> c.visits = 1);
        db.store("441302-20261207-0004", CaseStatus.DELIVERED, c -> c.visits = 2);
        db.store("441302-20261207-0005", CaseStatus.WITHDRAWN, c -> { });
        Cases.tx(db.jpa, db.journal, em -> {
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.REPEAT_FILING, "441302-20261207-0002", "TY-001", "open cases x", "wang"));
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG, null, "TY-001", "materials X", "wang"));
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG, null, "TY-001", "materials Y", "wang"));
            return null;
        });
        IntakeStatisticsDTO s = queries.statistics();
        assertEquals(5, s.cases);
        assertEquals(2, s.openCases);
        assertEquals(2, s.finished);
        assertEquals(1, s.finishedInOneVisit);
        assertEquals(0.5, s.oneVisitShare, 1e-9);
        assertEquals(1, s.repeatFilings);
        assertEquals(2, s.materialViolations);
    }

    @Test
    public void theHandoversNotDoneYetAndOneCasesStatus() {
        assertEquals("none", queries.handoversWaiting());
        db.store("441302-20261207-0001", CaseStatus.ACCEPTED, c -> { });
        Cases.tx(db.jpa, db.journal, em -> {
            em.persist(HandoverEntity.of(Cases.find(em, "441302-20261207-0001"), HandoverEntity.CASE, InstantColumns.now()));
            return null;
        });
        assertEquals("PENDING 1", queries.handoversWaiting());
        assertEquals(CaseStatus.ACCEPTED, queries.checkVisible("441302-20261207-0001", CLERK));
        assertEquals("CASE_NOT_FOUND", assertThrows(Problem.class, () -> queries.checkVisible("441302-20261207-0009", CLERK)).code());
    }

    private void created(String caseNo, String at, CaseStatus status) {
        db.store(caseNo, status, c -> c.createdAt = Instant.parse(at));
    }

    private static CaseLookupDTO lookup(String q) {
        CaseLookupDTO l = new CaseLookupDTO();
        l.q = q;
        return l;
    }

    private static List<String> numbers(CasePage page) {
        return page.items.stream().map(c -> c.caseNo).collect(Collectors.toList());
    }

    /** The trail's records of {@code action}, newest first. */
    private List<AuditRecord> records(String action) {
        AuditQuery q = new AuditQuery();
        q.actions = List.of(action);
        return trail.search(q);
    }
}
