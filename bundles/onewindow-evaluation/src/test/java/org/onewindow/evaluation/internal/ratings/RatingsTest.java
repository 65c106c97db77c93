package org.onewindow.evaluation.internal.ratings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.evaluation.Indicator;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.PadViewDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.RatingReceiptDTO;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.Hall;
import org.onewindow.evaluation.internal.pads.JdbcPads;
import org.onewindow.evaluation.internal.services.ServiceRecord;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/** One rating per case and stage whatever the channel, the rules of a rating, the pad bound to its window. */
public class RatingsTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final Actor ADMIN = new Actor("admin", Set.of("admin"), Set.of());
    private Hall hall;
    private JdbcRatings ratings;

    @Before
    public void hall() {
        hall = new Hall("ratings", T);
        ratings = JdbcRatings.of(hall.store, hall.calendar, hall.journal);
        service("W-1", Stage.ACCEPTANCE, ServiceKind.WINDOW, 3, T);
        service("W-1", Stage.DELIVERY, ServiceKind.WINDOW, 3, T.plusSeconds(60));
    }

    private void service(String caseNo, Stage stage, ServiceKind kind, Integer window, Instant at) {
        hall.tx(c -> ServiceStore.add(c, new ServiceRecord(caseNo, stage, kind, stage == Stage.DELIVERY, "ITEM-1", "个体工商户登记", "SJ", "市场监管局",
                "li", "13800138000", at), window, hall.store.zone()));
    }

    private static NewRatingDTO rating(String caseNo, Stage stage, int level, List<String> reasons) {
        return new NewRatingDTO(caseNo, stage, level, null, reasons, null);
    }

    @Test
    public void aStageIsRatedOnceWhateverTheChannelAndEachStageOnItsOwn() {
        RatingReceiptDTO first = ratings.rate(rating("W-1", Stage.ACCEPTANCE, 5, null), RatingChannel.KIOSK);
        assertEquals(5, first.level());
        assertFalse(first.followedUp());
        for (RatingChannel other : RatingChannel.values()) {
            expect("ALREADY_RATED", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 1, List.of("ATTITUDE")), other));
        }
        ratings.rate(rating("W-1", Stage.DELIVERY, 4, null), RatingChannel.SMS);
        assertEquals(2, hall.count("SELECT COUNT(*) FROM EVAL_RATING"));
        assertEquals("no bad rating, no rectification", 0, hall.count("SELECT COUNT(*) FROM EVAL_RECTIFICATION"));
        expect("NOTHING_TO_RATE", () -> ratings.rate(rating("W-9", Stage.ACCEPTANCE, 5, null), RatingChannel.KIOSK));
    }

    @Test
    public void twoRatingsOfTheSameStageAtOnceOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Boolean>> tries = List.of(RatingChannel.values()).stream().map(ch -> (Callable<Boolean>) () -> {
                start.await();
                try {
                    ratings.rate(rating("W-1", Stage.DELIVERY, 4, null), ch);
                    return true;
                } catch (Problem e) {
                    assertEquals("ALREADY_RATED", e.code());
                    return false;
                }
            }).toList();
            List<Future<Boolean>> results = tries.stream().map(pool::submit).toList();
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
            assertEquals(1, hall.count("SELECT COUNT(*) FROM EVAL_RATING WHERE STAGE = 'DELIVERY'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aBadRatingNeedsAReasonOfItsKindAndOpensItsRectificationDueTheNextWorkingDay() {
        expect("REASON_REQUIRED", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 2, null), RatingChannel.PAD));
        expect("INVALID_REASON", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 2, List.of("HARD_TO_USE")), RatingChannel.PAD));
        expect("INVALID_REASON", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 5, List.of("ATTITUDE")), RatingChannel.PAD));
        expect("INVALID_LEVEL", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 6, null), RatingChannel.PAD));
        expect("INVALID_INDICATOR", () -> ratings.rate(new NewRatingDTO("W-1", Stage.ACCEPTANCE, 5, Map.of(Indicator.USABILITY, 5), null, null),
                RatingChannel.PAD));
        expect("INVALID_COMMENT", () -> ratings.rate(new NewRatingDTO("W-1", Stage.ACCEPTANCE, 3, null, null, "长".repeat(501)), RatingChannel.PAD));
        assertEquals("nothing half-written", 0, hall.count("SELECT COUNT(*) FROM EVAL_RATING"));
        assertEquals(0, hall.count("SELECT COUNT(*) FROM EVAL_SERVICE WHERE RATED = 1"));

        RatingReceiptDTO bad = ratings.rate(new NewRatingDTO("W-1", Stage.ACCEPTANCE, 1, Map.of(Indicator.SERVICE_ATTITUDE, 1),
                List.of("ATTITUDE", "MORE_TRIPS"), "窗口人员态度生硬\n让我跑了两次"), RatingChannel.PAD);
        assertTrue(bad.followedUp());
        assertEquals("Monday 2026-12-07: verified by Tuesday", 1,
                hall.count("SELECT COUNT(*) FROM EVAL_RECTIFICATION WHERE VERIFY_DUE = DATE('2026-12-08') AND STATE = 'VERIFY' AND DEPT_CODE = 'SJ'"));
        var stored = hall.tx(c -> RatingStore.list(c, "ORDER BY ID"));
        assertEquals(Map.of(Indicator.OVERALL, 1, Indicator.SERVICE_ATTITUDE, 1), stored.get(0).indicators());
        assertEquals(List.of("ATTITUDE", "MORE_TRIPS"), stored.get(0).reasons());
        assertEquals(1, stored.get(0).reasonsVersion());
        assertEquals("li", stored.get(0).clerk());
    }

    @Test
    public void aStageIsRatedOnlyWithinItsDays() {
        hall.clock.set(T.plus(Duration.ofDays(30)).plusSeconds(1));
        expect("RATING_CLOSED", () -> ratings.rate(rating("W-1", Stage.ACCEPTANCE, 5, null), RatingChannel.KIOSK));
        ratings.rate(rating("W-1", Stage.DELIVERY, 5, null), RatingChannel.KIOSK);
    }

    @Test
    public void aPadRatesOnlyWhatItsWindowFinishedAMomentAgoOnceAnAdministratorBoundItByItsCode() {
        JdbcPads pads = JdbcPads.of(hall.store, hall.trail);
        PadViewDTO pad = ratings.registerPad("10.0.0.31");
        assertNotNull(pad.token());
        assertEquals(6, pad.pairingCode().length());
        PadViewDTO unbound = ratings.forPad(pad.token());
        assertFalse(unbound.bound());
        assertNull("the token is answered once", unbound.token());
        expect("PAD_UNKNOWN", () -> ratings.forPad("not-a-token"));
        expect("PAD_NOT_BOUND", () -> ratings.rateAtPad(pad.token(), rating("W-1", Stage.DELIVERY, 5, null)));
        String wrong = pad.pairingCode().equals("000000") ? "111111" : "000000";
        expect("PAIRING_CODE_MISMATCH", () -> pads.bind(pad.id(), wrong, 3, ADMIN));
        expect("FORBIDDEN", () -> pads.bind(pad.id(), pad.pairingCode(), 3, new Actor("sup", Set.of("supervisor"), Set.of())));
        pads.bind(pad.id(), pad.pairingCode(), 3, ADMIN);
        assertEquals(1, hall.count("SELECT COUNT(*) FROM AUDIT_RECORD WHERE ACTION = 'RATING_PAD_BOUND'"));

        PadViewDTO shown = ratings.forPad(pad.token());
        assertTrue(shown.bound());
        assertEquals(Integer.valueOf(3), shown.windowNo());
        assertEquals("the newest service of the window", Stage.DELIVERY, shown.service().stage());
        ratings.rateAtPad(pad.token(), rating("W-1", Stage.DELIVERY, 5, null));
        assertNull("rated: the pad shows its welcome", ratings.forPad(pad.token()).service());

        service("W-2", Stage.ACCEPTANCE, ServiceKind.WINDOW, 4, T.plusSeconds(90));
        expect("NOTHING_TO_RATE", () -> ratings.rateAtPad(pad.token(), rating("W-2", Stage.ACCEPTANCE, 5, null)));
        service("W-3", Stage.ACCEPTANCE, ServiceKind.WINDOW, 3, T.plusSeconds(120));
        hall.clock.set(T.plusSeconds(120).plus(Duration.ofMinutes(11)));
        assertNull("after ten minutes the pad no longer offers it", ratings.forPad(pad.token()).service());
        expect("NOTHING_TO_RATE", () -> ratings.rateAtPad(pad.token(), rating("W-3", Stage.ACCEPTANCE, 5, null)));
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
