package org.onewindow.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.internal.TestClock;
import org.onewindow.db.internal.JdbcChangeJournal;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.intake.CaseStatus;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.internal.cases.CaseWatch;
import org.onewindow.queue.internal.cases.ServiceEnds;
import org.onewindow.queue.internal.floor.TicketRow;
import org.onewindow.queue.internal.floor.TicketStore;
import org.onewindow.queue.internal.texts.TurnTexts;
import org.onewindow.security.Actor;

/**
 * Where a ticket's service ends when it is served for a case (the case's acceptance, rejection or hand-out, read from the
 * real change journal), and the texts of 无声叫号 (once, when at most 3 wait before a ticket).
 */
public class TicketServiceEndTest {
    private static final Actor KIOSK = new Actor("kiosk", Set.of());
    private static final Actor LI = new Actor("li", Set.of(Actor.CLERK));
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T01:00:00Z"));
    private JdbcQueue queue;
    private JdbcChangeJournal journal;
    private CaseWatch watch;

    @Before
    public void hall() {
        queue = JdbcQueueTest.hall("ticketcases", clock);
        journal = TestDatabases.journal(queue.dataSource);
        watch = new CaseWatch(queue.dataSource, journal);
    }

    @Test
    public void acceptanceRejectionWithdrawalAndHandOutEndTheServiceButAnInstantItemsAcceptanceDoesNot() {
        for (CaseStatus s : CaseStatus.values()) {
            boolean ends = s == CaseStatus.ACCEPTED || s == CaseStatus.REJECTED || s == CaseStatus.WITHDRAWN || s == CaseStatus.DELIVERED;
            assertEquals(s.name(), ends, ServiceEnds.by(s, 20));
        }
        assertFalse("an instant item is decided and handed out at the same window", ServiceEnds.by(CaseStatus.ACCEPTED, 0));
        assertTrue(ServiceEnds.by(CaseStatus.DELIVERED, 0));
    }

    @Test
    public void theCasesAcceptanceEndsTheTicketAtTheTimeOfTheChangeAndFreesTheWindow() {
        change("C-OLD", CaseStatus.ACCEPTED, 20); // before the queue read the journal: not its own
        watch.start();
        TicketDTO called = calledFor("C-1");
        change("C-1", CaseStatus.DRAFT, 20);
        assertEquals("a case being taken in does not end the service", 0, watch.run());
        assertEquals(TicketStatus.CALLED, ticket(called.id()).status());

        long accepted = change("C-1", CaseStatus.ACCEPTED, 20);
        assertEquals(1, watch.run());
        TicketRow done = ticket(called.id());
        assertEquals(TicketStatus.DONE, done.status());
        assertEquals("the service ends when the case was accepted, not when the queue read it", writtenAt(accepted), done.finishedAt());
        assertNull("the window has no current ticket then", queue.windows().get(1).currentNumber());
        // read again (a crash before the cursor moved): nothing changes
        assertEquals(0, watch.run());
        change("C-1", CaseStatus.DELIVERED, 20);
        assertEquals(0, watch.run());
    }

    @Test
    public void aChangeOfTheCaseBeforeTheTicketWasServedForItDoesNotEndIt() {
        watch.start();
        change("C-2", CaseStatus.ACCEPTED, 20); // accepted earlier; the citizen comes back to collect the result
        TicketDTO called = calledFor("C-2");
        assertEquals(0, watch.run());
        assertEquals(TicketStatus.CALLED, ticket(called.id()).status());
        change("C-2", CaseStatus.READY_FOR_PICKUP, 20);
        change("C-2", CaseStatus.DELIVERED, 20);
        assertEquals("handed out: the service ends", 1, watch.run());
        assertEquals(TicketStatus.DONE, ticket(called.id()).status());
    }

    @Test
    public void aCitizenWhoLeftAMobileIsTextedOnceWhenAtMostThreeWaitBeforeThem() {
        List<NoticeDTO> sent = new ArrayList<>();
        TurnTexts texts = new TurnTexts(queue.dataSource, () -> sent::add, "东城区政务服务中心", "https://hall.example.cn/");
        for (int i = 0; i < 6; i++) {
            queue.take(new NewTicketDTO("GENERAL", null, null, i == 4 ? "13800138000" : null), TicketSource.KIOSK, KIOSK);
        }
        queue.take(new NewTicketDTO("GENERAL", null, "11010519491231002X", "13900139000"), TicketSource.KIOSK, KIOSK);
        queue.signIn(2, LI);
        assertEquals("A005 has 4 before it, A007 6", 0, check(texts));
        queue.callNext(LI);
        assertEquals(1, check(texts));
        assertEquals(NoticeKind.QUEUE_TURN, sent.get(0).kind);
        assertEquals("13800138000", sent.get(0).mobile);
        assertEquals("【东城区政务服务中心】您的 A005 号（综合受理）前面还有 3 位，请回到大厅留意叫号，过号需重新排队。"
                + "进度：https://hall.example.cn/display/ticket.html#A005/2026-12-07", sent.get(0).text);
        queue.callNext(LI);
        assertEquals("told once", 0, check(texts));
        queue.callNext(LI);
        queue.callNext(LI);
        assertEquals(1, check(texts));
        assertEquals("11010519491231002X", sent.get(1).idNumber);
        assertEquals(2, sent.size());
    }

    @Test
    public void callsDoNotLookForTextsWhileNoNumberWithAMobileWaitsUntold() {
        TurnTexts texts = new TurnTexts(queue.dataSource, () -> n -> fail("nothing to send"), "东城区政务服务中心", null);
        assertTrue("not known at the start: the first call looks", texts.mayBeDue());
        queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.KIOSK, KIOSK);
        assertEquals(0, check(texts));
        assertFalse("no number with a mobile waits", texts.mayBeDue());
        texts.mobileGiven();
        assertTrue(texts.mayBeDue());
    }

    @Test
    public void theCallsOfABurstShareOneLookForTexts() {
        TurnTexts texts = new TurnTexts(queue.dataSource, () -> n -> fail("nothing to send"), "东城区政务服务中心", null);
        List<Runnable> queued = new ArrayList<>();
        int[] looks = {0};
        texts.afterCall(queued::add, () -> looks[0]++);
        texts.afterCall(queued::add, () -> looks[0]++);
        assertEquals("one look waits for the worker", 1, queued.size());
        queued.remove(0).run();
        assertEquals(1, looks[0]);
        texts.afterCall(queued::add, () -> looks[0]++);
        assertEquals("a call after the look ran asks for another", 1, queued.size());
    }

    private int check(TurnTexts texts) {
        return texts.check(java.time.LocalDate.of(2026, 12, 7), List.of("GENERAL"), 3, clock.instant(), code -> "综合受理");
    }

    /** A ticket of GENERAL called at window 2 and served for {@code caseNo}, as {@link TicketCases#serve} leaves it. */
    @Test
    public void aNumberServedWithoutACaseIsListedForTheRatingsAndOneServedForACaseIsNot() {
        Instant start = clock.instant();
        TicketDTO forCase = calledFor("C-3");
        change("C-3", CaseStatus.ACCEPTED, 20);
        watch.run();
        queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.KIOSK, KIOSK);
        TicketDTO question = queue.callNext(LI);
        clock.pass(java.time.Duration.ofMinutes(4));
        queue.finish(LI);
        List<org.onewindow.queue.ServedTicketDTO> served = queue.servedWithoutCase(start, 100);
        assertEquals(served.toString(), 1, served.size());
        assertEquals(question.number(), served.get(0).number());
        assertEquals(2, served.get(0).window());
        assertEquals("li", served.get(0).clerk());
        assertEquals("综合受理", served.get(0).groupName());
        assertEquals(clock.instant().toString(), served.get(0).finishedAt());
        assertTrue("not before it ended", queue.servedWithoutCase(clock.instant().plusSeconds(1), 100).isEmpty());
        assertFalse(served.stream().anyMatch(t -> t.id() == forCase.id()));
    }

    private TicketDTO calledFor(String caseNo) {
        queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.KIOSK, KIOSK);
        if (queue.windows().get(1).clerk() == null) {
            queue.signIn(2, LI);
        }
        TicketDTO called = queue.callNext(LI);
        long head = journal.lastSeq();
        tx(c -> Jdbc.update(c, "UPDATE QUEUE_TICKET SET CASE_NO = ?, CASE_SEQ = ? WHERE ID = ?", caseNo, head, called.id()));
        return called;
    }

    /** A case's change as intake journals it. */
    private long change(String caseNo, CaseStatus status, int timeLimitDays) {
        return tx(c -> journal.append(c, "CASE", caseNo,
                "{\"caseNo\":\"" + caseNo + "\",\"status\":\"" + status + "\",\"timeLimitDays\":" + timeLimitDays + "}"));
    }

    private Instant writtenAt(long seq) {
        JournalEntry e = journal.after(seq - 1, 1).get(0);
        return Instant.parse(e.writtenAt);
    }

    private TicketRow ticket(long id) {
        return tx(c -> TicketStore.byId(c, id).orElseThrow());
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return Jdbc.tx(queue.dataSource, work);
    }
}
