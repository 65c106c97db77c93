package org.onewindow.licences.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/** What changes the library, on an in-memory Derby with the real journal and catalog: all or nothing, and journaled with it. */
public class LicenceWritesTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
    private LibraryOnDerby library;
    private LicenceWrites writes;

    @Before
    public void emptyLibrary() throws Exception {
        library = new LibraryOnDerby();
        writes = library.writes(3);
    }

    @After
    public void close() {
        library.close();
    }

    @Test
    public void anImportIsWrittenWholeAndEachLicenceJournaled() {
        assertEquals(2, writes.importLicences(List.of(LicenceRowsTest.food("JY1"), LicenceRowsTest.food("JY2")), ADMIN).imported);
        assertEquals(2, library.licences());
        List<JournalEntry> journaled = library.journaled();
        assertEquals(List.of("FOOD_BUSINESS_LICENCE/JY1", "FOOD_BUSINESS_LICENCE/JY2"), keys(journaled));
        assertTrue(journaled.stream().allMatch(e -> LicenceJournal.KIND.equals(e.kind)));
        assertTrue("the record carries the validity the catalog's type gave: " + journaled.get(0).payload,
                journaled.get(0).payload.contains("\"validTo\":\"2029-02-28\""));
    }

    @Test
    public void aNumberTakenAlreadyRefusesTheWholeFileNamingItsRow() {
        writes.importLicences(List.of(LicenceRowsTest.food("JY1")), ADMIN);
        Problem refused = assertThrows(Problem.class, () -> writes.importLicences(List.of(LicenceRowsTest.food("JY2"),
                LicenceRowsTest.food("JY1")), ADMIN));
        assertEquals("LICENCES_INVALID", refused.code());
        assertEquals(List.of("#2"), refused.details().stream().map(d -> d.item).collect(Collectors.toList()));
        assertEquals("nothing of the refused file is written", 1, library.licences());
        assertEquals(List.of("FOOD_BUSINESS_LICENCE/JY1"), keys(library.journaled()));
    }

    @Test
    public void aBadRowOrAFileOverTheLimitWritesNothing() {
        NewLicenceDTO unknown = LicenceRowsTest.food("JY3");
        unknown.type = "NO_SUCH_TYPE";
        assertRefused("LICENCES_INVALID", () -> writes.importLicences(List.of(LicenceRowsTest.food("JY1"), unknown), ADMIN));
        assertRefused("LICENCES_INVALID", () -> writes.importLicences(List.of(LicenceRowsTest.food("JY1"), LicenceRowsTest.food("JY2"),
                LicenceRowsTest.food("JY3"), LicenceRowsTest.food("JY4")), ADMIN));
        assertRefused("FORBIDDEN", () -> writes.importLicences(List.of(LicenceRowsTest.food("JY1")),
                new Actor("clerk", Set.of(Actor.CLERK))));
        assertEquals(0, library.licences());
        assertEquals(List.of(), library.journaled());
    }

    @Test
    public void anIssuedLicenceCommitsWithTheCallersTransactionAndATakenNumberRollsItBack() {
        LicenceDTO issued = Jdbc.tx(library.ds, c -> writes.issue(LicenceRowsTest.food("JY1"), c, "reviewer"));
        assertEquals("食品经营许可证", issued.typeName);
        assertEquals(LicenceStatus.VALID, issued.status);
        assertRefused("LICENCE_EXISTS", () -> Jdbc.tx(library.ds, c -> {
            library.journal.append(c, "CASE", "441302-20261207-0001", "{\"status\":\"APPROVED\"}");
            return writes.issue(LicenceRowsTest.food("JY1"), c, "reviewer");
        }));
        assertEquals(1, library.licences());
        assertEquals("the approval's own write went back with it", List.of("FOOD_BUSINESS_LICENCE/JY1"), keys(library.journaled()));
    }

    @Test
    public void theIssuingDepartmentRevokesOnceWithAReason() {
        writes.importLicences(List.of(LicenceRowsTest.food("JY1")), ADMIN);
        Actor otherDepartment = new Actor("reviewer2", Set.of(Actor.REVIEWER), Set.of("GA"));
        assertRefused("FORBIDDEN", () -> writes.revoke("FOOD_BUSINESS_LICENCE", "JY1", "吊销", otherDepartment));
        assertRefused("INVALID_REVOCATION", () -> writes.revoke("FOOD_BUSINESS_LICENCE", "JY1", " ", ADMIN));
        Actor issuer = new Actor("reviewer1", Set.of(Actor.REVIEWER), Set.of("SJ"));
        LicenceDTO revoked = writes.revoke(" FOOD_BUSINESS_LICENCE ", "JY1 ", " 经营场所已注销 ", issuer);
        assertEquals(LicenceStatus.REVOKED, revoked.status);
        assertEquals("经营场所已注销", revoked.revocationReason);
        assertRefused("ALREADY_REVOKED", () -> writes.revoke("FOOD_BUSINESS_LICENCE", "JY1", "again", issuer));
        assertRefused("LICENCE_NOT_FOUND", () -> writes.revoke("FOOD_BUSINESS_LICENCE", "JY9", "none", issuer));
        List<JournalEntry> journaled = library.journaled();
        assertEquals(List.of("FOOD_BUSINESS_LICENCE/JY1", "FOOD_BUSINESS_LICENCE/JY1"), keys(journaled));
        assertTrue(journaled.get(1).payload, journaled.get(1).payload.contains("\"status\":\"REVOKED\""));
    }

    private static List<String> keys(List<JournalEntry> entries) {
        return entries.stream().map(e -> e.key).collect(Collectors.toList());
    }

    /** {@code call} is refused with {@code code}. */
    static void assertRefused(String code, ThrowingRunnable call) {
        assertEquals(code, assertThrows(Problem.class, call).code());
    }
}
