package org.onewindow.intake.internal.backoffice;

import static java.time.LocalDate.parse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;

import org.junit.Test;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.calendar.internal.TestCalendars;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.catalog.ItemKind;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.TimeLimits;
import org.onewindow.problem.Problem;

/**
 * Extensions (延期) by the item's rule, art. 42 of the Administrative Licensing Law when it names none: the tester's
 * case was a 5-day permit, overdue, extended twice by 30 days (82 days extended in all, both accepted).
 */
public class ExtensionRulesTest {
    private static final WorkingCalendar CALENDAR = TestCalendars.year(2026, "国庆节", parse("2026-10-01"), parse("2026-10-07"),
            parse("2026-09-20"), parse("2026-10-10"));
    private final TimeLimits limits = new TimeLimits(CALENDAR);

    private static CatalogItemDTO permit() {
        CatalogItemDTO item = new CatalogItemDTO();
        item.code = "SJ-SP-001";
        item.kind = ItemKind.ADMINISTRATIVE_PERMIT;
        item.timeLimitDays = 5;
        return item;
    }

    private CaseEntity accepted(LocalDate on) {
        CaseEntity c = new CaseEntity();
        c.caseNo = "441302-20261102-0001";
        c.timeLimitDays = 5;
        limits.start(c, on);
        return c;
    }

    /** What the back office does: the rule, then the clock. */
    private void extend(CatalogItemDTO item, CaseEntity c, int days, LocalDate today) {
        ExtensionRules.check(ExtensionRuleDTO.effective(item), c.extensions, c.deadline, days, today);
        limits.extend(c, days, today);
    }

    private String refused(CatalogItemDTO item, CaseEntity c, int days, LocalDate today) {
        int before = c.extendedDays;
        try {
            extend(item, c, days, today);
            fail("extension of " + days + " days on " + today + " must be refused");
            return null;
        } catch (Problem e) {
            assertEquals("nothing moved", before, c.extendedDays);
            assertTrue(e.getMessage(), e.getMessage().contains("依据"));
            return e.code();
        }
    }

    @Test
    public void twoThirtyDayExtensionsOfAnOverdue5DayPermitAreRefused() {
        CaseEntity c = accepted(parse("2026-11-02"));
        assertEquals(parse("2026-11-09"), c.deadline);
        LocalDate overdue = parse("2026-11-20");
        assertEquals("EXTENSION_AFTER_DEADLINE", refused(permit(), c, 30, overdue));
        assertEquals("EXTENSION_AFTER_DEADLINE", refused(permit(), c, 30, overdue));
        assertEquals(0, c.extendedDays);
        assertEquals(parse("2026-11-09"), c.deadline);
    }

    @Test
    public void article42AllowsOneExtensionOfAtMostTenWorkingDaysBeforeTheLimitRunsOut() {
        CaseEntity c = accepted(parse("2026-11-02"));
        assertEquals("EXTENSION_TOO_LONG", refused(permit(), c, 30, parse("2026-11-05")));
        assertEquals("EXTENSION_TOO_LONG", refused(permit(), c, 11, parse("2026-11-05")));
        extend(permit(), c, 10, parse("2026-11-09")); // on the deadline day itself
        assertEquals(parse("2026-11-23"), c.deadline);
        assertEquals(1, c.extensions);
        assertEquals(parse("2026-11-09"), c.extendedOn);
        assertEquals("EXTENSION_LIMIT_REACHED", refused(permit(), c, 1, parse("2026-11-10")));
    }

    @Test
    public void aPublicServiceWithoutARuleOfItsOwnFollowsTheSameRule() {
        CatalogItemDTO service = permit();
        service.kind = ItemKind.PUBLIC_SERVICE;
        CaseEntity c = accepted(parse("2026-11-02"));
        extend(service, c, 3, parse("2026-11-03"));
        assertEquals("EXTENSION_LIMIT_REACHED", refused(service, c, 3, parse("2026-11-04")));
    }

    @Test
    public void anItemsOwnLawMayAllowMoreOrNone() {
        CatalogItemDTO twice = permit();
        twice.extension = ExtensionRuleDTO.of(2, 15, "《某条例》第二十条");
        CaseEntity c = accepted(parse("2026-11-02"));
        extend(twice, c, 15, parse("2026-11-02"));
        extend(twice, c, 15, parse("2026-11-20"));
        assertEquals(30, c.extendedDays);
        assertEquals(2, c.extensions);
        assertEquals("EXTENSION_LIMIT_REACHED", refused(twice, c, 1, parse("2026-11-25")));

        CatalogItemDTO never = permit();
        never.extension = ExtensionRuleDTO.of(0, null, "《某条例》第二十一条");
        assertEquals("EXTENSION_NOT_ALLOWED", refused(never, accepted(parse("2026-11-02")), 1, parse("2026-11-02")));
    }
}
