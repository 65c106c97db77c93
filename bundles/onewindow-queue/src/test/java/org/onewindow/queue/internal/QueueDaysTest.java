package org.onewindow.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.internal.TestClock;
import org.onewindow.db.internal.JdbcChangeJournal;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.problem.Problem;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.QueueDayDTO;
import org.onewindow.queue.QueueReportDTO.WeekdayHoursDTO;
import org.onewindow.queue.QueueReportDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.internal.figures.DayFigures;
import org.onewindow.queue.internal.figures.QueueDays;
import org.onewindow.queue.internal.floor.DemoHall;
import org.onewindow.queue.internal.floor.TicketRow;
import org.onewindow.rest.Json;
import org.onewindow.security.Actor;

/** The day's figures, the busy hours by weekday, and the finished days kept and journaled for the city hub once. */
public class QueueDaysTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Actor KIOSK = new Actor("kiosk", Set.of());
    private static final Actor LI = new Actor("li", Set.of(Actor.CLERK));
    private static final Actor BOSS = new Actor("boss", Set.of(Actor.SUPERVISOR));
    // 09:00 in Shanghai
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T01:00:00Z"));
    private JdbcQueue queue;

    @Before
    public void hall() {
        queue = JdbcQueueTest.hall("queuedays", clock);
    }

    /** A ticket of GENERAL taken at {@code hour}:{@code minute} on Monday, called {@code wait} minutes later and served for {@code service}. */
    private static TicketRow ticket(long id, int hour, int minute, Integer wait, Integer service, TicketStatus status) {
        Instant taken = MONDAY.atTime(hour, minute).atZone(SHANGHAI).toInstant();
        Instant called = wait == null ? null : taken.plus(Duration.ofMinutes(wait));
        Instant ended = service == null ? null : called.plus(Duration.ofMinutes(service));
        return new TicketRow(id, MONDAY, "GENERAL", (int) id, "A" + id, TicketSource.KIOSK, status, false, null, null, null, null, null, null,
                null, taken, taken, called, ended, called == null ? null : 2, null, called == null ? 0 : 1, false, null, null);
    }

    @Test
    public void aDaysFiguresCountTheNumbersTheirWaitsAndServicesAndTheHoursTheyWereTaken() {
        List<TicketRow> tickets = List.of(ticket(1, 9, 0, 10, 6, TicketStatus.DONE), ticket(2, 9, 30, 30, 10, TicketStatus.DONE),
                ticket(3, 10, 15, 5, null, TicketStatus.NO_SHOW), ticket(4, 14, 59, null, null, TicketStatus.WAITING));
        QueueDayDTO d = QueueDays.of(MONDAY, tickets, DemoHall.GROUPS, SHANGHAI);
        assertEquals(4, d.taken());
        assertEquals(2, d.served());
        assertEquals(1, d.noShows());
        assertEquals("(10 + 30 + 5) / 3 minutes, the called ones", Integer.valueOf(15), d.averageWaitMinutes());
        assertEquals(Integer.valueOf(30), d.longestWaitMinutes());
        assertEquals(Integer.valueOf(8), d.averageServiceMinutes());
        assertEquals(2, (int) d.takenByHour().get(9));
        assertEquals(1, (int) d.takenByHour().get(10));
        assertEquals(1, (int) d.takenByHour().get(14));
        assertEquals("only the groups that had numbers", 1, d.groups().size());
        assertEquals("综合受理", d.groups().get(0).name());
        QueueDayDTO empty = QueueDays.of(MONDAY, List.of(), DemoHall.GROUPS, SHANGHAI);
        assertNull(empty.averageWaitMinutes());
        assertNull(empty.longestWaitMinutes());
    }

    @Test
    public void theBusyHoursOfAWeekdayAreTheMeanOverItsDaysInThePeriod() {
        QueueDayDTO monday = day(MONDAY, 9, 4, 10, 2);
        QueueDayDTO nextMonday = day(MONDAY.plusWeeks(1), 9, 2, 10, 6);
        QueueDayDTO tuesday = day(MONDAY.plusDays(1), 15, 1, 16, 0);
        List<WeekdayHoursDTO> w = QueueDays.weekdays(List.of(monday, nextMonday, tuesday));
        assertEquals(7, w.size());
        assertEquals(2, w.get(0).days());
        assertEquals(3.0, w.get(0).meanTakenByHour().get(9), 0.001);
        assertEquals(4.0, w.get(0).meanTakenByHour().get(10), 0.001);
        assertEquals("Monday's peak: 10 o'clock", Integer.valueOf(10), w.get(0).peakHour());
        assertEquals(Integer.valueOf(15), w.get(1).peakHour());
        assertEquals("a weekday without days has no peak", 0, w.get(6).days());
        assertNull(w.get(6).peakHour());
    }

    @Test
    public void aFinishedDayIsKeptAndJournaledOnceAndTodaysFiguresWhenTheyChange() throws Exception {
        JdbcChangeJournal journal = TestDatabases.journal(queue.dataSource);
        DayFigures days = new DayFigures(queue.dataSource, journal, clock, SHANGHAI, queue::groups);
        queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.KIOSK, KIOSK);
        queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.KIOSK, KIOSK);
        queue.signIn(2, LI);
        clock.pass(Duration.ofMinutes(12));
        queue.callNext(LI);
        clock.pass(Duration.ofMinutes(5));
        queue.finish(LI);
        assertEquals("Monday is not over", 0, days.run());
        assertEquals(List.of("2026-12-07"), dayRecords(journal));
        days.run();
        assertEquals("unchanged: not journaled again", 1, dayRecords(journal).size());

        clock.pass(Duration.ofDays(1));
        queue.take(new NewTicketDTO("PROPERTY", null, null, null), TicketSource.KIOSK, KIOSK);
        assertEquals("Monday closed", 1, days.run());
        assertEquals(List.of("2026-12-07", "2026-12-07", "2026-12-08"), dayRecords(journal));
        assertEquals(0, days.run());
        QueueDayDTO closed = Json.mapper().readValue(journal.after(0, 10).get(1).payload, QueueDayDTO.class);
        assertEquals(2, closed.taken());
        assertEquals(1, closed.served());
        assertEquals(Integer.valueOf(12), closed.longestWaitMinutes());
        assertEquals(Integer.valueOf(5), closed.averageServiceMinutes());

        QueueReportDTO report = queue.report(MONDAY, MONDAY.plusDays(1), BOSS);
        assertEquals(2, report.days().size());
        assertEquals(closed, report.days().get(0));
        assertEquals("Tuesday, still open, from its tickets", 1, report.days().get(1).taken());
        assertEquals(Integer.valueOf(9), report.weekdays().get(1).peakHour());
    }

    @Test
    public void afterARestoreTheFinishedDaysComeBackAsTheHubHoldsThemButNotTodayNorADayWrittenHereSince() {
        JdbcChangeJournal journal = TestDatabases.journal(queue.dataSource);
        DayFigures days = new DayFigures(queue.dataSource, journal, clock, SHANGHAI, queue::groups);
        QueueDayDTO friday = day(MONDAY.minusDays(3), 9, 40, 10, 20);
        QueueDayDTO sunday = day(MONDAY.minusDays(1), 9, 1, 10, 1);
        QueueDayDTO today = day(MONDAY, 9, 7, 10, 7);
        days.restore(List.of(entry(friday), entry(sunday), entry(today)), Set.of(sunday.day()));
        QueueReportDTO report = queue.report(MONDAY.minusDays(7), MONDAY, BOSS);
        assertEquals("only Friday: Sunday was written here since, today is counted from today's tickets", List.of(friday), report.days());
        days.journalAgain(List.of(friday.day(), "2026-11-01"));
        assertEquals(List.of(friday.day()), dayRecords(journal));
    }

    private static JournalEntry entry(QueueDayDTO d) {
        JournalEntry e = new JournalEntry();
        e.kind = DayFigures.KIND;
        e.key = d.day();
        e.payload = Json.write(d);
        return e;
    }

    @Test
    public void aReportIsForSupervisorsAndForAtMostNinetyTwoDays() {
        for (LocalDate[] bad : List.of(new LocalDate[] {MONDAY, MONDAY.minusDays(1)}, new LocalDate[] {MONDAY.minusDays(92), MONDAY})) {
            try {
                queue.report(bad[0], bad[1], BOSS);
                fail("refused: " + bad[0] + " to " + bad[1]);
            } catch (Problem e) {
                assertEquals("INVALID_PERIOD", e.code());
            }
        }
        assertEquals(0, queue.report(MONDAY.minusDays(91), MONDAY, BOSS).days().size());
        try {
            queue.report(null, null, LI);
            fail("a clerk reads no reports");
        } catch (Problem e) {
            assertEquals("FORBIDDEN", e.code());
        }
    }

    private static QueueDayDTO day(LocalDate day, int hour, int n, int hour2, int n2) {
        List<Integer> byHour = new ArrayList<>(Collections.nCopies(24, 0));
        byHour.set(hour, n);
        byHour.set(hour2, n2);
        return new QueueDayDTO(day.toString(), n + n2, 0, 0, null, null, null, byHour, List.of());
    }

    private static List<String> dayRecords(JdbcChangeJournal journal) {
        return journal.after(0, 100).stream().filter(e -> DayFigures.KIND.equals(e.kind)).map(e -> e.key).toList();
    }
}
