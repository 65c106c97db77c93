package org.onewindow.intake.internal.cases;

import static java.time.LocalDate.parse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;


import org.junit.Test;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.calendar.internal.TestCalendars;

/** The clock of a case over the 2026 National Day week: holiday 10-01..10-07, makeup working days 09-20 (Sun) and 10-10 (Sat). */
public class TimeLimitsTest {
    private static final WorkingCalendar CALENDAR = TestCalendars.year(2026, "国庆节", parse("2026-10-01"), parse("2026-10-07"),
            parse("2026-09-20"), parse("2026-10-10"));
    private final TimeLimits limits = new TimeLimits(CALENDAR);

    private static CaseEntity acceptedCase(int limitDays) {
        CaseEntity c = new CaseEntity();
        c.caseNo = "441302-20260928-0001";
        c.timeLimitDays = limitDays;
        return c;
    }

    @Test
    public void theDeadlineSkipsTheHolidayAndCountsTheMakeupSaturday() {
        CaseEntity c = acceptedCase(5);
        limits.start(c, parse("2026-09-28"));
        // 09-29, 09-30, then 10-08, 10-09 and the makeup Saturday 10-10
        assertEquals(parse("2026-10-10"), c.deadline);
        assertNull(c.calendarGaps);
    }

    @Test
    public void aSuspensionAcrossTheHolidayMovesTheDeadlineByTheWorkingDaysItLasted() {
        CaseEntity c = acceptedCase(5);
        limits.start(c, parse("2026-09-28"));
        limits.suspend(c, parse("2026-09-30"));
        // stood still 10-01..10-09: only 10-08 and 10-09 are working days
        assertEquals(2, limits.resume(c, parse("2026-10-09")));
        assertEquals(2, c.suspendedDays);
        assertNull(c.suspendedSince);
        // from 10-10 two working days on: 10-12 (Mon), 10-13
        assertEquals(parse("2026-10-13"), c.deadline);
        assertEquals("resumed the same day: nothing moves", 0, limits.resume(c, parse("2026-10-09")));
    }

    @Test
    public void extensionsAddWorkingDaysAndTheDecisionCountsWithoutTheSuspension() {
        CaseEntity c = acceptedCase(5);
        limits.start(c, parse("2026-09-28"));
        limits.suspend(c, parse("2026-09-30"));
        limits.resume(c, parse("2026-10-09"));
        limits.extend(c, 3, parse("2026-10-09"));
        assertEquals(3, c.extendedDays);
        assertEquals(1, c.extensions);
        assertEquals(parse("2026-10-09"), c.extendedOn);
        assertEquals(parse("2026-10-16"), c.deadline);

        limits.decide(c, parse("2026-10-16"));
        // working days 09-29 .. 10-16 are 10, of which 2 stood still
        assertEquals(Integer.valueOf(8), c.workingDaysUsed);
        assertEquals(Integer.valueOf(1), c.inTime);
        limits.decide(c, parse("2026-10-17"));
        assertEquals("the Saturday after the deadline is late", Integer.valueOf(0), c.inTime);
    }

    @Test
    public void aDeadlineInAYearWithoutScheduleIsMarked() {
        CaseEntity c = acceptedCase(20);
        limits.start(c, parse("2026-12-21"));
        assertEquals("2027", c.calendarGaps);
        assertEquals(parse("2027-01-18"), c.deadline);
    }

    @Test
    public void aCaseAcceptedBeforeDeadlinesWereKeptGetsOneFromItsAcceptanceDay() {
        CaseEntity c = acceptedCase(5);
        c.acceptedOn = parse("2026-09-28");
        limits.backfill(c);
        assertEquals(parse("2026-10-10"), c.deadline);
        assertEquals(0, c.suspendedDays);
    }

    @Test
    public void anInstantItemIsDueTheDayItIsAccepted() {
        CaseEntity c = acceptedCase(0);
        limits.start(c, parse("2026-10-09"));
        assertEquals(parse("2026-10-09"), c.deadline);
        limits.decide(c, parse("2026-10-09"));
        assertEquals(Integer.valueOf(0), c.workingDaysUsed);
        assertEquals(Integer.valueOf(1), c.inTime);
    }
}
