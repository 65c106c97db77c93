package org.onewindow.evaluation.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.RatingDTO;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.ratings.RatingStore;
import org.onewindow.evaluation.internal.rectification.RectificationStore;
import org.onewindow.evaluation.internal.services.ServiceRecord;
import org.onewindow.evaluation.internal.services.ServiceStore;
import org.onewindow.rest.Json;

/**
 * A rating and its rectification as the change journal carries them to the city hub (kind {@value #KIND}, key
 * {@code <caseNo>/<stage>}), journaled in the transaction that changes either, and put back from the hub's copy after this
 * appliance was restored from an older backup (nothing about who rated: there is nothing to carry).
 */
public final class RatingRecords {
    public static final String KIND = "RATING";

    private RatingRecords() {
    }

    /** What a record carries: the rating, and its rectification (without the rating again) if it is a bad one. */
    public record Payload(RatingDTO rating, RectificationDTO rectification) {
    }

    public static String key(String caseNo, Stage stage) {
        return caseNo + "/" + stage.name();
    }

    /** Journals the rating's current state over the caller's transaction. */
    public static void append(Connection c, ChangeJournal journal, long ratingId, LocalDate today) throws SQLException {
        RatingDTO r = RatingStore.list(c, "WHERE ID = ?", ratingId).get(0);
        RectificationDTO x = RectificationStore.ofRating(c, ratingId, today).map(RatingRecords::withoutRating).orElse(null);
        journal.append(c, KIND, key(r.caseNo(), r.stage()), Json.write(new Payload(r, x)));
    }

    /** Journals again the ratings of these keys, as they are here. */
    static void appendAgain(Connection c, ChangeJournal journal, String key, LocalDate today) throws SQLException {
        int slash = key.lastIndexOf('/');
        for (RatingDTO r : RatingStore.list(c, "WHERE CASE_NO = ? AND STAGE = ?", key.substring(0, slash), key.substring(slash + 1))) {
            append(c, journal, r.id(), today);
        }
    }

    static Payload read(String payload) {
        try {
            return Json.mapper().readValue(payload, Payload.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the rating back as the payload holds it: its service (marked rated, without a contact), the rating, and its
     * rectification replaced whole.
     */
    static void put(Connection c, Payload p, ZoneId zone) throws SQLException {
        RatingDTO r = p.rating();
        Instant served = Instant.parse(r.servedAt());
        Optional<ServiceStore.Service> service = ServiceStore.find(c, r.caseNo(), r.stage());
        long serviceId = service.isPresent() ? service.get().id()
                : ServiceStore.add(c, new ServiceRecord(r.caseNo(), r.stage(), r.kind(), r.stage() == Stage.DELIVERY, r.itemCode(), r.itemName(),
                        r.departmentCode(), r.departmentName(), r.clerk(), null, served), r.windowNo(), zone).orElseThrow();
        Jdbc.update(c, "UPDATE EVAL_SERVICE SET RATED = 1, MOBILE = NULL WHERE ID = ?", serviceId);
        List<RatingDTO> here = RatingStore.list(c, "WHERE SERVICE_ID = ?", serviceId);
        long ratingId;
        if (here.isEmpty()) {
            ratingId = RatingStore.insert(c, serviceId, r, Date.valueOf(LocalDate.ofInstant(Instant.parse(r.ratedAt()), zone)));
        } else {
            ratingId = here.get(0).id();
            Jdbc.update(c, "UPDATE EVAL_RATING SET MALICIOUS = ? WHERE ID = ?", r.malicious() ? 1 : 0, ratingId);
        }
        Jdbc.update(c, "DELETE FROM EVAL_RECTIFICATION WHERE RATING_ID = ?", ratingId);
        if (p.rectification() != null) {
            RectificationStore.insert(c, ratingId, r.departmentCode(), p.rectification());
        }
    }

    private static RectificationDTO withoutRating(RectificationDTO x) {
        return new RectificationDTO(x.id(), null, x.state(), x.stateLabel(), x.dueOn(), null, x.openedAt(), x.verify(), x.putRight(), x.followUp(),
                x.justified(), x.malicious(), x.followUpChannel(), x.satisfied());
    }
}
