package org.onewindow.evaluation.internal.rectification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.evaluation.Card;
import org.onewindow.evaluation.FollowUpDTO;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.RectificationState;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.VerificationDTO;
import org.onewindow.evaluation.internal.Hall;
import org.onewindow.evaluation.internal.ratings.JdbcRatings;
import org.onewindow.evaluation.internal.services.ServiceRecord;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/**
 * 差评整改 over the official calendar of 2026 (National Day 10-01 to 10-07 off, 09-27 and 10-10 worked): verify, put
 * right, follow up, each due in working days after the step before, yellow on its due day and red after.
 */
public class RectificationsTest {
    /** Wednesday 2026-09-30, 10:00 in the hall. */
    private static final Instant RATED = Instant.parse("2026-09-30T02:00:00Z");
    private static final Actor SUPERVISOR = new Actor("zhao", Set.of("supervisor"), Set.of("SJ"));
    private static final Actor OTHER_DEPT = new Actor("qian", Set.of("supervisor"), Set.of("GA"));
    private Hall hall;
    private JdbcRectifications rectifications;

    @Before
    public void hall() {
        hall = new Hall("rectification", RATED);
        rectifications = JdbcRectifications.of(hall.store, hall.calendar, hall.trail, hall.journal);
        hall.tx(c -> ServiceStore.add(c, new ServiceRecord("S-1", Stage.ACCEPTANCE, ServiceKind.WINDOW, false, "ITEM-S", "个体工商户登记", "SJ",
                "市场监管局", "li", null, RATED.minusSeconds(300)), 2, hall.store.zone()));
        JdbcRatings.of(hall.store, hall.calendar, hall.journal).rate(new NewRatingDTO("S-1", Stage.ACCEPTANCE, 2, null, List.of("SLOW"), "等了一个小时"),
                RatingChannel.PAD);
    }

    private void on(String day) {
        hall.clock.set(Instant.parse(day + "T03:00:00Z"));
    }

    @Test
    public void theDeadlinesSkipTheHolidayAndCountTheMakeupDay() {
        StepDeadlines d = new StepDeadlines(hall.calendar, 1, 5, 2);
        assertEquals(LocalDate.of(2026, 10, 8), d.verifyDue(LocalDate.of(2026, 9, 30)));
        assertEquals("10-10 is a makeup working day", LocalDate.of(2026, 10, 15), d.putRightDue(LocalDate.of(2026, 10, 9)));
        assertEquals(LocalDate.of(2026, 10, 14), d.followUpDue(LocalDate.of(2026, 10, 12)));
        assertEquals(Card.GREEN, StepDeadlines.card(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 7)));
        assertEquals(Card.YELLOW, StepDeadlines.card(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 8)));
        assertEquals(Card.RED, StepDeadlines.card(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 9)));
    }

    @Test
    public void aBadRatingIsVerifiedPutRightAndFollowedUpAndALateStepTurnsRedAndStaysLate() {
        RectificationDTO open = rectifications.list(true, SUPERVISOR).get(0);
        assertEquals(RectificationState.VERIFY, open.state());
        assertEquals("2026-10-08", open.dueOn());
        assertEquals(Card.GREEN, open.card());
        assertEquals("the clerk rated is named to the supervisor; who rated is not known", "li", open.rating().clerk());
        on("2026-10-08");
        assertEquals(Card.YELLOW, rectifications.get(open.id(), SUPERVISOR).card());
        on("2026-10-09");
        assertEquals(Card.RED, rectifications.list(true, SUPERVISOR).get(0).card());

        expect("RECTIFICATION_STATE", () -> rectifications.putRight(open.id(), "加开窗口", SUPERVISOR));
        expect("EVIDENCE_REQUIRED", () -> rectifications.verify(open.id(), new VerificationDTO(true, false, " "), SUPERVISOR));
        expect("RECTIFICATION_NOT_FOUND", () -> rectifications.verify(open.id(), new VerificationDTO(true, false, "监控"), OTHER_DEPT));
        expect("FORBIDDEN", () -> rectifications.list(true, new Actor("li", Set.of("clerk"), Set.of("SJ"))));

        RectificationDTO verified = rectifications.verify(open.id(), new VerificationDTO(true, false, "调取叫号记录：等候 62 分钟"), SUPERVISOR);
        assertEquals(RectificationState.PUT_RIGHT, verified.state());
        assertTrue("verified a day late", verified.verify().late());
        assertEquals("2026-10-15", verified.dueOn());
        assertEquals(Card.GREEN, verified.card());

        on("2026-10-12");
        RectificationDTO putRight = rectifications.putRight(open.id(), "高峰时段加开 2 个窗口，窗口人员培训", SUPERVISOR);
        assertEquals(RectificationState.FOLLOW_UP, putRight.state());
        assertFalse(putRight.putRight().late());
        assertEquals("2026-10-14", putRight.dueOn());

        on("2026-10-13");
        expect("INVALID_CHANNEL", () -> rectifications.followUp(open.id(), new FollowUpDTO("EMAIL", "x", true), SUPERVISOR));
        RectificationDTO closed = rectifications.followUp(open.id(), new FollowUpDTO("PHONE", "电话回访，群众认可整改", true), SUPERVISOR);
        assertEquals(RectificationState.CLOSED, closed.state());
        assertNull(closed.card());
        assertTrue(closed.satisfied());
        assertTrue("the late step is remembered", closed.verify().late());
        assertEquals(0, rectifications.list(true, SUPERVISOR).size());
        assertEquals(1, rectifications.list(false, SUPERVISOR).size());
        assertEquals(3, hall.count("SELECT COUNT(*) FROM AUDIT_RECORD WHERE ACTION LIKE 'RATING_%' AND CASE_NO = 'S-1'"));
    }

    @Test
    public void aMaliciousRatingIsMarkedAndClosedNeverDeleted() {
        long id = rectifications.list(true, SUPERVISOR).get(0).id();
        expect("INVALID_VERIFICATION", () -> rectifications.verify(id, new VerificationDTO(true, true, "录像"), SUPERVISOR));
        RectificationDTO closed = rectifications.verify(id, new VerificationDTO(false, true, "录像显示评价人并未办理该业务，系同行恶意差评"), SUPERVISOR);
        assertEquals(RectificationState.CLOSED, closed.state());
        assertTrue(closed.malicious());
        assertEquals(1, hall.count("SELECT COUNT(*) FROM EVAL_RATING WHERE MALICIOUS = 1"));
        assertEquals(1, hall.count("SELECT COUNT(*) FROM AUDIT_RECORD WHERE ACTION = 'RATING_VERIFIED' AND DETAIL LIKE '%malicious%'"));
    }

    @Test
    public void anUnjustifiedRatingIsAnsweredWithoutPuttingRight() {
        long id = rectifications.list(true, SUPERVISOR).get(0).id();
        RectificationDTO v = rectifications.verify(id, new VerificationDTO(false, false, "系统记录显示当日即办结"), SUPERVISOR);
        assertEquals(RectificationState.FOLLOW_UP, v.state());
        assertNull(v.putRight());
        assertEquals("2026-10-09: two working days after 09-30", "2026-10-09", v.dueOn());
    }

    static void expect(String code, Runnable r) {
        try {
            r.run();
            fail("expected " + code);
        } catch (Problem e) {
            assertEquals(e.getMessage(), code, e.code());
        }
    }
}
