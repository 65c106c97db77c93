package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.rest.Json;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;

/** {@code GET /hub/cases/{caseNo}}: a case's index entry by its number, through the hub as the resource calls it. */
public class CaseLookupTest {
    private static final String CASE_NO = "441302-20261128-0007";
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private final Actor supervisor = new Actor("supervisor", Set.of(Actor.SUPERVISOR));
    private CityHub hub;

    @Before
    public void hubWithOneCase() throws Exception {
        EmbeddedDataSource ds = HubDatabase.migrated();
        HubDatabase.approved(new Districts(ds), new DistrictKeys(ds), HubDatabase.key("441302"), now);
        BatchDTO batch = new BatchDTO();
        batch.district = "441302";
        batch.journalLastSeq = 2;
        batch.records = new ArrayList<>(List.of(record(1, "DRAFT"), record(2, "IN_REVIEW")));
        BatchApplier.checkOwnership("441302", batch);
        new BatchApplier(ds, new DistrictTrails(TestTrails.chain())).apply("441302", batch, "n1", now, now.minusSeconds(600));
        hub = new CityHub();
        hub.dataSource = ds;
        hub.chain = TestTrails.chain();
        // the scripts already ran (HubDatabase); the hub's start needs no bundle beyond that, and its configuration's defaults
        hub.migrations = proxy(SchemaMigrations.class, (method, args) -> 9);
        hub.activate(proxy(BundleContext.class, (method, args) -> null), proxy(HubConfig.class, (method, args) -> method.getDefaultValue()));
    }

    @Test
    public void aCaseIsFoundByItsNumberInItsLatestStateWithoutItsApplicant() {
        CaseIndexEntryDTO entry = hub.caseEntry(CASE_NO, supervisor);
        assertEquals(CASE_NO, entry.caseNo);
        assertEquals("441302", entry.district);
        assertEquals("RS-SB-003", entry.itemCode);
        assertEquals("RS", entry.departmentCode);
        assertEquals("ONLINE", entry.channel);
        assertEquals("IN_REVIEW", entry.status);
        assertEquals(2, entry.seq);
        String answer = Json.write(entry);
        assertFalse(answer, answer.contains("441302199003071238") || answer.contains("张三") || answer.contains("13800000000"));
        assertEquals(CASE_NO, hub.caseEntry(CASE_NO, new Actor("admin", Set.of(Actor.ADMIN))).caseNo);
    }

    @Test
    public void anUnknownNumberIsNotFound() {
        for (String unknown : new String[] {"441302-20261128-0008", "441303-20261128-0007", "x".repeat(300), ""}) {
            Problem p = assertThrows(Problem.class, () -> hub.caseEntry(unknown, supervisor));
            assertEquals("CASE_NOT_FOUND", p.code());
            assertEquals(ProblemKind.NOT_FOUND, p.kind());
        }
    }

    @Test
    public void onlySupervisorsAndAdministratorsLookUpCases() {
        for (String role : new String[] {Actor.CLERK, Actor.SECURITY, Actor.AUDITOR, Actor.REVIEWER}) {
            Problem p = assertThrows(Problem.class, () -> hub.caseEntry(CASE_NO, new Actor(role, Set.of(role))));
            assertEquals("FORBIDDEN", p.code());
        }
        Problem unknown = assertThrows(Problem.class, () -> hub.caseEntry("441302-20261128-0008", new Actor("clerk", Set.of(Actor.CLERK))));
        assertEquals("whether a number exists is not told to those who may not look", "FORBIDDEN", unknown.code());
    }

    private static RecordDTO record(long seq, String status) {
        return RecordDTO.of(seq, "CASE", CASE_NO, "2026-11-28T07:59:59Z", "{\"caseNo\":\"" + CASE_NO + "\",\"itemCode\":\"RS-SB-003\","
                + "\"departmentCode\":\"RS\",\"departmentName\":\"区人力资源和社会保障局\",\"channel\":\"ONLINE\",\"status\":\"" + status
                + "\",\"applicant\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"441302199003071238\",\"name\":\"张三\",\"phone\":\"13800000000\"},"
                + "\"visits\":0,\"createdAt\":\"2026-11-28T07:50:00Z\"}");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(CaseLookupTest.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> answer.of(method, args));
    }

    private interface Answer {
        Object of(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }
}
