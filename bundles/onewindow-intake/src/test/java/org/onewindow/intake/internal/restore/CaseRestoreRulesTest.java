package org.onewindow.intake.internal.restore;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.PartyDTO;

/**
 * What a district restored from an older copy does with a case the city hub gives back: which state wins (the history,
 * append-only, orders them), a number issued twice is never merged, and the day's number counter resumes after the
 * highest number the city has seen (on an in-memory Derby with intake's own table).
 */
public class CaseRestoreRulesTest {
    private static final String APPLICANT = "441302199001011237";
    private final Instant created = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    public void theLaterHistoryWins() {
        List<HistoryEntryDTO> here = List.of(step(0, null, CaseStatus.DRAFT, "收件"));
        CaseMerge.Verdict v = CaseMerge.judge(APPLICANT, created, here, hub(step(0, null, CaseStatus.DRAFT, "收件"),
                step(60, CaseStatus.DRAFT, CaseStatus.WITHDRAWN, "申请人撤回")));
        assertEquals(CaseMerge.Outcome.TAKE_HUB, v.outcome());
        assertEquals(List.of("申请人撤回"), v.missingHere().stream().map(h -> h.note).collect(Collectors.toList()));

        List<HistoryEntryDTO> movedOnHere = List.of(step(0, null, CaseStatus.DRAFT, "收件"), step(90, CaseStatus.DRAFT, CaseStatus.ACCEPTED, null));
        assertEquals(CaseMerge.Outcome.KEEP_HERE, CaseMerge.judge(APPLICANT, created, movedOnHere, hub(step(0, null, CaseStatus.DRAFT, "收件"))).outcome());
        assertEquals("the same state", CaseMerge.Outcome.TAKE_HUB, CaseMerge.judge(APPLICANT, created, here, hub(here.get(0))).outcome());
    }

    @Test
    public void bothMovedOnFromACommonBeginning() {
        CaseMerge.Verdict v = CaseMerge.judge(APPLICANT, created, List.of(step(0, null, CaseStatus.DRAFT, "收件"),
                step(300, CaseStatus.DRAFT, CaseStatus.ACCEPTED, null)), hub(step(0, null, CaseStatus.DRAFT, "收件"),
                        step(60, CaseStatus.DRAFT, CaseStatus.WITHDRAWN, "申请人撤回")));
        assertEquals(CaseMerge.Outcome.DIVERGED, v.outcome());
        assertEquals(1, v.missingHere().size());
        assertEquals(CaseStatus.ACCEPTED, v.onlyHere().get(0).to);
    }

    @Test
    public void aNumberIssuedTwiceIsAnotherCase() {
        List<HistoryEntryDTO> here = List.of(step(0, null, CaseStatus.DRAFT, "收件"));
        assertEquals(CaseMerge.Outcome.OTHER_CASE, CaseMerge.judge("441302199001011253", created, here, hub(here.get(0))).outcome());
        assertEquals(CaseMerge.Outcome.OTHER_CASE, CaseMerge.judge(APPLICANT, created.plusSeconds(1), here, hub(here.get(0))).outcome());
    }

    @Test
    public void countersResumeAfterTheHighestNumberTheCityHasSeen() throws IOException, SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:intake-counters");
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            migrate(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO CASE_SEQUENCE (SEQ_DAY, LAST_VALUE) VALUES ('20261206', 10)");
            }
            for (String no : List.of("441302-20261206-0025", "441302-20261206-0012", "441302-20261207-0003", "441303-20261206-0099",
                    "441302-20261206-10001")) {
                CaseCounters.Numbered n = CaseCounters.parse("441302", no);
                if (n != null) {
                    CaseCounters.raise(c, n);
                }
            }
            assertEquals("past the city's highest, never back", 10001, counter(c, "20261206"));
            assertEquals("a day the copy never saw", 3, counter(c, "20261207"));
        }
        assertNull("another district's number moves nothing", CaseCounters.parse("441302", "441303-20261206-0099"));
        assertNull(CaseCounters.parse("441302", "not a number"));
    }

    private static int counter(Connection c, String day) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT LAST_VALUE FROM CASE_SEQUENCE WHERE SEQ_DAY = '" + day + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Intake's first script, statement by statement, as the migration runner runs it. */
    private static void migrate(Connection c) throws IOException, SQLException {
        try (InputStream in = CaseRestoreRulesTest.class.getResourceAsStream("/db/migration/intake/V1__cases.sql"); Statement s = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"));
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    private CaseDTO hub(HistoryEntryDTO... history) {
        CaseDTO c = new CaseDTO();
        c.caseNo = "441302-20261206-0001";
        c.applicant = new PartyDTO();
        c.applicant.idNumber = APPLICANT;
        c.createdAt = created.toString();
        c.history = new ArrayList<>(List.of(history));
        return c;
    }

    private HistoryEntryDTO step(int seconds, CaseStatus from, CaseStatus to, String note) {
        HistoryEntryDTO h = new HistoryEntryDTO();
        h.at = created.plusSeconds(seconds).toString();
        h.by = "clerk";
        h.from = from;
        h.to = to;
        h.note = note;
        return h;
    }
}
