package org.onewindow.supervision.internal;

import static java.time.LocalDate.parse;
import static org.junit.Assert.assertEquals;

import java.time.LocalDate;

import org.junit.Test;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.calendar.internal.TestCalendars;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.ClockDTO;
import org.onewindow.supervision.CardColor;

/** Card colours on a clock the test moves (2026, with the National Day week off and 10-10 worked). */
public class CardRulesTest {
    private static final WorkingCalendar CALENDAR = TestCalendars.year(2026, "国庆节", parse("2026-10-01"), parse("2026-10-07"),
            parse("2026-10-10"));
    private final CardRules rules = new CardRules(CALENDAR, 1, 0.8);

    private static ClockDTO clock(String deadline, int allowed, String suspendedSince) {
        ClockDTO c = new ClockDTO();
        c.caseNo = "441302-20260901-0001";
        c.status = suspendedSince == null ? CaseStatus.IN_REVIEW : CaseStatus.SUPPLEMENT_REQUESTED;
        c.deadline = deadline;
        c.allowedDays = allowed;
        c.suspendedSince = suspendedSince;
        return c;
    }

    private void assertCard(CardColor color, int daysLeft, ClockDTO clock, String today) {
        CardRules.Verdict v = rules.judge(clock, LocalDate.parse(today));
        assertEquals(today + " colour", color, v.color());
        assertEquals(today + " days left", daysLeft, v.daysLeft());
    }

    @Test
    public void greenYellowRedAsTheClockMovesOverTwentyWorkingDays() {
        // deadline Friday 2026-10-16, 20 working days allowed
        ClockDTO c = clock("2026-10-16", 20, null);
        assertCard(CardColor.GREEN, 8, c, "2026-09-30");
        // 5 of 20 left (75 % used): still green; 4 left (80 % used): yellow
        assertCard(CardColor.GREEN, 5, c, "2026-10-10");
        assertCard(CardColor.YELLOW, 4, c, "2026-10-12");
        assertCard(CardColor.YELLOW, 0, c, "2026-10-16");
        // overdue: the weekend does not count, Monday is one working day late
        assertCard(CardColor.RED, 0, c, "2026-10-17");
        assertCard(CardColor.RED, -1, c, "2026-10-19");
    }

    @Test
    public void oneWorkingDayLeftIsYellowEvenWhenLittleOfALongLimitIsUsed() {
        ClockDTO shortOne = clock("2026-10-09", 2, null);
        assertCard(CardColor.GREEN, 3, shortOne, "2026-09-29");
        // the holiday week does not count: from 10-05 the working days left are 10-08 and 10-09
        assertCard(CardColor.GREEN, 2, shortOne, "2026-10-05");
        assertCard(CardColor.YELLOW, 1, shortOne, "2026-10-08");
    }

    @Test
    public void aSuspendedClockStandsWhereItStopped() {
        ClockDTO c = clock("2026-10-16", 20, "2026-09-30");
        assertCard(CardColor.GREEN, 8, c, "2026-11-30");
    }

    @Test
    public void anInstantCaseLeftOpenIsYellowTheSameDayAndRedTheNext() {
        ClockDTO c = clock("2026-10-09", 0, null);
        assertCard(CardColor.YELLOW, 0, c, "2026-10-09");
        assertCard(CardColor.RED, -1, c, "2026-10-10");
    }
}
