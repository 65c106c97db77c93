package org.onewindow.evaluation.internal.ratings;

import static org.junit.Assert.assertEquals;
import static org.onewindow.evaluation.internal.ratings.RatingsTest.expect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.ReasonsDTO.ReasonDTO;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.Hall;
import org.onewindow.evaluation.internal.services.ServiceRecord;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.security.Actor;

/** The reasons' list in versions: a new one published by the system administrator, ratings keeping the one they used. */
public class ReasonsTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final Actor ADMIN = new Actor("admin", Set.of("admin"), Set.of());
    private Hall hall;
    private JdbcRatings ratings;
    private JdbcReasons reasons;

    @Before
    public void hall() {
        hall = new Hall("reasons", T);
        ratings = JdbcRatings.of(hall.store, hall.calendar, hall.journal);
        reasons = JdbcReasons.of(hall.store, hall.trail);
        for (String caseNo : List.of("R-1", "R-2", "R-3")) {
            hall.tx(c -> ServiceStore.add(c, new ServiceRecord(caseNo, Stage.ACCEPTANCE, ServiceKind.WINDOW, false, "ITEM-1", "个体工商户登记", "SJ",
                    "市场监管局", "li", null, T.minusSeconds(60)), 3, hall.store.zone()));
        }
    }

    @Test
    public void aNewVersionIsWhatCitizensPickFromAndAnOldRatingKeepsItsOwn() {
        ratings.rate(new NewRatingDTO("R-1", Stage.ACCEPTANCE, 2, null, List.of("ATTITUDE"), null), RatingChannel.PAD);
        List<ReasonDTO> list = new ArrayList<>(ratings.reasons().reasons());
        list.removeIf(r -> r.code().equals("ATTITUDE"));
        list.add(0, new ReasonDTO("RUDE", "  工作人员言行不文明  ", ServiceKind.WINDOW));
        ReasonsDTO v2 = reasons.publish(list, ADMIN);
        assertEquals(2, v2.version());
        assertEquals("the new list, in its order", "RUDE", v2.reasons().get(0).code());
        assertEquals("工作人员言行不文明", v2.reasons().get(0).label());
        assertEquals(v2, ratings.reasons());
        assertEquals("the same list again publishes nothing", 2, reasons.publish(v2.reasons(), ADMIN).version());
        assertEquals(1, hall.count("SELECT COUNT(*) FROM AUDIT_RECORD WHERE ACTION = 'RATING_REASONS_PUBLISHED'"));

        expect("INVALID_REASON", () -> ratings.rate(new NewRatingDTO("R-2", Stage.ACCEPTANCE, 2, null, List.of("ATTITUDE"), null), RatingChannel.PAD));
        ratings.rate(new NewRatingDTO("R-2", Stage.ACCEPTANCE, 1, null, List.of("RUDE"), null), RatingChannel.PAD);
        assertEquals(1, hall.count("SELECT COUNT(*) FROM EVAL_RATING WHERE CASE_NO = 'R-2' AND REASONS_VERSION = 2 AND REASONS = 'RUDE'"));
        List<ReasonsDTO> versions = reasons.versions(ADMIN);
        assertEquals(List.of(2, 1), versions.stream().map(ReasonsDTO::version).toList());
        assertEquals("the old version as it was", "ATTITUDE", versions.get(1).reasons().get(0).code());
        assertEquals(1, hall.count("SELECT COUNT(*) FROM EVAL_RATING WHERE CASE_NO = 'R-1' AND REASONS_VERSION = 1 AND REASONS = 'ATTITUDE'"));
    }

    @Test
    public void onlyTheSystemAdministratorPublishesAListThatHoldsTogether() {
        List<ReasonDTO> current = ratings.reasons().reasons();
        expect("FORBIDDEN", () -> reasons.publish(current, new Actor("zhao", Set.of("supervisor"), Set.of())));
        assertEquals(1, reasons.versions(new Actor("zhao", Set.of("supervisor"), Set.of())).size());
        expect("INVALID_REASONS", () -> reasons.publish(List.of(), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(Collections.nCopies(JdbcReasons.MOST + 1, new ReasonDTO("A", "甲", null)), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(List.of(new ReasonDTO("A", "甲", null), new ReasonDTO("A", "乙", null)), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(List.of(new ReasonDTO("slow", "慢", null)), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(List.of(new ReasonDTO("A".repeat(21), "慢", null)), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(List.of(new ReasonDTO("SLOW", " ", null)), ADMIN));
        expect("INVALID_REASONS", () -> reasons.publish(List.of(new ReasonDTO("SLOW", "慢".repeat(51), null)), ADMIN));
        expect("INVALID_TEXT", () -> reasons.publish(List.of(new ReasonDTO("SLOW", "慢\n", null)), ADMIN));
        // none an online service's citizen could pick
        expect("INVALID_REASONS",
                () -> reasons.publish(List.of(new ReasonDTO("RUDE", "态度差", ServiceKind.WINDOW)), ADMIN));
        assertEquals("nothing written by a refused list", 1, ratings.reasons().version());
    }
}
