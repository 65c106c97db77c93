package org.onewindow.evaluation.internal.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.onewindow.evaluation.internal.Hall.move;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.Hall;
import org.onewindow.evaluation.internal.ratings.JdbcRatings;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.NoticeKind;

/** The services to rate, made from the cases' moves in the change journal, and the invitations to rate (主动邀评). */
public class ServiceRecorderTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private final List<NoticeDTO> sent = new ArrayList<>();
    private Hall hall;
    private ServiceRecorder recorder;

    @Before
    public void hall() {
        hall = new Hall("recorder", T);
        hall.journal("OLD-1", "WINDOW", "13800138000", "li", move("ACCEPTED", T.minusSeconds(600)));
        recorder = ServiceRecorder.of(hall.store, hall.journal, new Invitations(() -> sent::add, "东城区政务服务中心", "https://hall.example.cn/"),
                new InvitationRule(3, 30));
    }

    @Test
    public void eachStageIsRecordedOnceWithItsClerkAndTimeAndTheJournalBeforeTheInstallIsNotRead() {
        hall.journal("W-1", "WINDOW", "13800138000", "li", move("DRAFT", T), move("ACCEPTED", T.plusSeconds(60)));
        assertEquals(1, recorder.run());
        hall.journal("W-1", "WINDOW", "13800138000", "li", move("DRAFT", T), move("ACCEPTED", T.plusSeconds(60)), move("IN_REVIEW", T.plusSeconds(90)));
        assertEquals("a later move of the same stage writes nothing again", 0, recorder.run());
        hall.journal("W-1", "WINDOW", "13800138000", "wang", move("DRAFT", T), move("ACCEPTED", T.plusSeconds(60)),
                move("READY_FOR_PICKUP", T.plusSeconds(120)), move("DELIVERED", T.plusSeconds(180)));
        assertEquals(1, recorder.run());
        assertEquals(0, recorder.run());
        var acceptance = hall.tx(c -> ServiceStore.find(c, "W-1", Stage.ACCEPTANCE)).orElseThrow();
        var delivery = hall.tx(c -> ServiceStore.find(c, "W-1", Stage.DELIVERY)).orElseThrow();
        assertFalse(acceptance.finalStage());
        assertTrue(delivery.finalStage());
        assertEquals(T.plusSeconds(60), acceptance.servedAt().toInstant());
        assertEquals("wang", delivery.clerk());
        assertEquals(ServiceKind.WINDOW, delivery.kind());
        assertEquals("公安局", delivery.departmentName());
        assertEquals("the case of before the install is not the evaluation's", 0, hall.count("SELECT COUNT(*) FROM EVAL_SERVICE WHERE CASE_NO = 'OLD-1'"));
    }

    @Test
    public void aRefusalEndsTheCaseAndAnOnlineApplicationIsAnOnlineService() {
        hall.journal("R-1", "WINDOW", null, "li", move("DRAFT", T), move("REJECTED", T.plusSeconds(30)));
        hall.journal("N-1", "ONLINE", null, "li", move("DRAFT", T), move("ACCEPTED", T.plusSeconds(30)));
        assertEquals(2, recorder.run());
        assertTrue(hall.tx(c -> ServiceStore.find(c, "R-1", Stage.ACCEPTANCE)).orElseThrow().finalStage());
        assertEquals(ServiceKind.ONLINE, hall.tx(c -> ServiceStore.find(c, "N-1", Stage.ACCEPTANCE)).orElseThrow().kind());
        assertEquals("no mobile, no text", 0, sent.size());
    }

    @Test
    public void theHandOutTextsAOneTimeLinkAtOnceAndTheContactIsForgottenOnceRated() {
        hall.journal("W-2", "WINDOW", "13800138000", "li", move("ACCEPTED", T), move("DELIVERED", T.plusSeconds(60)));
        recorder.run();
        assertEquals("the acceptance is not the end of the case: one text, at hand-out", 1, sent.size());
        NoticeDTO text = sent.get(0);
        assertEquals(NoticeKind.RATING_INVITATION, text.kind);
        assertEquals("13800138000", text.mobile);
        String link = text.text.replaceAll(".*(https://hall\\.example\\.cn/rate/link\\.html#[A-Za-z0-9_-]+).*", "$1");
        assertTrue(text.text, link.startsWith("https://hall.example.cn/rate/link.html#"));
        String token = link.substring(link.indexOf('#') + 1);
        JdbcRatings ratings = JdbcRatings.of(hall.store, hall.calendar, hall.journal);
        assertEquals(Stage.DELIVERY, ratings.forLink(token).stage());
        assertEquals(1, hall.count("SELECT COUNT(*) FROM EVAL_LINK"));
        assertEquals("only the token's hash is kept", 0, hall.count("SELECT COUNT(*) FROM EVAL_LINK WHERE TOKEN_HASH = ?", token));
        ratings.rateByLink(token, new NewRatingDTO(null, null, 5, null, null, null));
        assertEquals(0, hall.count("SELECT COUNT(*) FROM EVAL_SERVICE WHERE MOBILE IS NOT NULL"));
    }

    @Test
    public void aFinishedCaseStillUnratedGetsOneInvitationThreeDaysLaterAndARatedOneNone() {
        Instant done = T.plusSeconds(60);
        hall.journal("W-3", "WINDOW", "13800138000", "li", move("ACCEPTED", T), move("DELIVERED", done));
        hall.journal("W-4", "WINDOW", "13900139000", "li", move("ACCEPTED", T), move("DELIVERED", done));
        recorder.run();
        sent.clear();
        JdbcRatings.of(hall.store, hall.calendar, hall.journal).rate(new NewRatingDTO("W-4", Stage.ACCEPTANCE, 4, null, null, null), RatingChannel.KIOSK);

        assertEquals("not before three days", 0, recorder.invite(done.plus(Duration.ofDays(3)).minusSeconds(1)));
        assertEquals(1, recorder.invite(done.plus(Duration.ofDays(3))));
        assertEquals(1, sent.size());
        assertEquals("13800138000", sent.get(0).mobile);
        assertTrue(sent.get(0).text, sent.get(0).text.contains("您还没有评价"));
        assertEquals("one invitation only", 0, recorder.invite(done.plus(Duration.ofDays(4))));
        assertNull("the contact is forgotten once invited", hall.tx(c -> ServiceStore.find(c, "W-3", Stage.DELIVERY)).orElseThrow().mobile());
    }

    @Test
    public void aCaseThatCanNoLongerBeRatedIsNotInvitedAndItsContactIsForgotten() {
        Instant done = T.plusSeconds(60);
        hall.journal("W-5", "WINDOW", "13800138000", "li", move("ACCEPTED", T), move("DELIVERED", done));
        recorder.run();
        assertEquals(0, recorder.invite(done.plus(Duration.ofDays(30))));
        assertEquals(0, hall.count("SELECT COUNT(*) FROM EVAL_SERVICE WHERE MOBILE IS NOT NULL"));
    }

    @Test
    public void theRuleInvitesAfterItsDaysWhileTheServiceCanBeRated() {
        InvitationRule rule = new InvitationRule(3, 30);
        assertFalse(rule.due(T, T.plus(Duration.ofDays(2))));
        assertTrue(rule.due(T, T.plus(Duration.ofDays(3))));
        assertTrue(rule.due(T, T.plus(Duration.ofDays(29))));
        assertFalse(rule.due(T, T.plus(Duration.ofDays(30))));
        assertFalse("0 days: no invitations", new InvitationRule(0, 30).enabled());
    }
}
