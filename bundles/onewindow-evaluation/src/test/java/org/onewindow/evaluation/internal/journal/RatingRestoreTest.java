package org.onewindow.evaluation.internal.journal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.onewindow.db.JournalEntry;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.evaluation.FollowUpDTO;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.RectificationState;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.VerificationDTO;
import org.onewindow.evaluation.internal.Hall;
import org.onewindow.evaluation.internal.figures.JdbcFigures;
import org.onewindow.evaluation.internal.ratings.JdbcRatings;
import org.onewindow.evaluation.internal.rectification.JdbcRectifications;
import org.onewindow.evaluation.internal.services.ServiceRecord;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.security.Actor;

/** Every rating and each step of its rectification goes to the journal; a restored appliance takes them back from the hub's copy. */
public class RatingRestoreTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final Actor SUPERVISOR = new Actor("zhao", Set.of("supervisor"), Set.of());

    @Test
    public void theRatingsAndTheirRectificationsComeBackAsTheHubHoldsThem() {
        Hall before = new Hall("restore-before", T);
        for (String no : List.of("G-1", "G-2", "S-1")) {
            before.tx(c -> ServiceStore.add(c, new ServiceRecord(no, Stage.ACCEPTANCE, ServiceKind.WINDOW, false, "ITEM", "事项", no.substring(0, 1),
                    "部门" + no.charAt(0), "li", null, T.minusSeconds(60)), 2, before.store.zone()));
        }
        long head = before.journal.lastSeq();
        JdbcRatings ratings = JdbcRatings.of(before.store, before.calendar, before.journal);
        ratings.rate(new NewRatingDTO("G-1", Stage.ACCEPTANCE, 5, null, null, "很好"), RatingChannel.PAD);
        ratings.rate(new NewRatingDTO("G-2", Stage.ACCEPTANCE, 1, null, List.of("ATTITUDE"), null), RatingChannel.KIOSK);
        ratings.rate(new NewRatingDTO("S-1", Stage.ACCEPTANCE, 2, null, List.of("SLOW"), null), RatingChannel.SMS);
        JdbcRectifications rectifications = JdbcRectifications.of(before.store, before.calendar, before.trail, before.journal);
        long g2 = rectifications.list(true, SUPERVISOR).stream().filter(x -> x.rating().caseNo().equals("G-2")).findFirst().orElseThrow().id();
        rectifications.verify(g2, new VerificationDTO(true, false, "录像"), SUPERVISOR);
        rectifications.putRight(g2, "培训", SUPERVISOR);
        rectifications.followUp(g2, new FollowUpDTO("PHONE", "满意", true), SUPERVISOR);
        List<JournalEntry> records = before.journal.after(head, 100);
        assertEquals("three ratings and three steps", 6, records.stream().filter(e -> RatingRecords.KIND.equals(e.kind)).count());

        Hall after = new Hall("restore-after", T);
        RatingRestore.of(after.store, after.journal).restore(records, Set.of());
        RatingRestore.of(after.store, after.journal).restore(records, Set.of());
        assertEquals("applied twice, written once", 3, after.count("SELECT COUNT(*) FROM EVAL_RATING"));
        assertEquals(JdbcFigures.of(before.store).hall(null, null, FigureDimension.DEPARTMENT),
                JdbcFigures.of(after.store).hall(null, null, FigureDimension.DEPARTMENT));
        JdbcRectifications restored = JdbcRectifications.of(after.store, after.calendar, after.trail, after.journal);
        RectificationDTO closed = restored.list(false, SUPERVISOR).stream().filter(x -> x.rating().caseNo().equals("G-2")).findFirst().orElseThrow();
        assertEquals(RectificationState.CLOSED, closed.state());
        assertEquals("培训", closed.putRight().text());
        assertTrue(closed.satisfied());
        assertEquals(RectificationState.VERIFY, restored.list(true, SUPERVISOR).get(0).state());
        assertEquals("a restored rating cannot be given again", 1, after.count("SELECT COUNT(*) FROM EVAL_SERVICE WHERE CASE_NO = 'G-1' AND RATED = 1"));
    }

    @Test
    public void aRatingChangedHereSinceTheRestorePointIsNotOverwritten() {
        Hall before = new Hall("restore-mine-before", T);
        before.tx(c -> ServiceStore.add(c, new ServiceRecord("G-1", Stage.ACCEPTANCE, ServiceKind.WINDOW, false, "ITEM", "事项", "G", "部门",
                "li", null, T.minusSeconds(60)), 2, before.store.zone()));
        long head = before.journal.lastSeq();
        JdbcRatings.of(before.store, before.calendar, before.journal).rate(new NewRatingDTO("G-1", Stage.ACCEPTANCE, 5, null, null, null),
                RatingChannel.PAD);
        List<JournalEntry> records = before.journal.after(head, 100);
        Hall after = new Hall("restore-mine-after", T);
        RatingRestore.of(after.store, after.journal).restore(records, Set.of("G-1/ACCEPTANCE"));
        assertEquals(0, after.count("SELECT COUNT(*) FROM EVAL_RATING"));
    }
}
