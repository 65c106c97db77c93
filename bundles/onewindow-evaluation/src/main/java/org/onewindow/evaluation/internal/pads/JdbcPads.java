package org.onewindow.evaluation.internal.pads;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.PadDTO;
import org.onewindow.evaluation.RatingPads;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;
import org.onewindow.security.Hmac;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link RatingPads}: the system administrator binds a pad to a window by the code the pad shows; each change is audited. */
@Component(service = RatingPads.class)
public class JdbcPads implements RatingPads {
    private static final Set<String> ADMIN = Set.of("admin");

    @Reference
    EvaluationStore store;

    @Reference
    AuditTrail trail;

    /** The unit tests' way in. */
    public static JdbcPads of(EvaluationStore store, AuditTrail trail) {
        JdbcPads p = new JdbcPads();
        p.store = store;
        p.trail = trail;
        return p;
    }

    @Override
    public List<PadDTO> pads(Actor actor) {
        actor.requireAny(ADMIN);
        Instant since = store.clock().instant().minusSeconds(60L * Math.max(1, store.config().pairingMinutes()));
        return store.tx(c -> PadStore.list(c, "WHERE WINDOW_NO IS NOT NULL OR CREATED_AT >= ? ORDER BY WINDOW_NO, ID", since)).stream()
                .map(PadStore.Pad::dto).toList();
    }

    @Override
    public PadDTO bind(long id, String pairingCode, int windowNo, Actor actor) {
        actor.requireAny(ADMIN);
        if (windowNo < 1 || windowNo > 999) {
            throw Problem.badRequest("INVALID_WINDOW", "窗口号须为 1–999");
        }
        Instant now = store.clock().instant();
        return store.tx(c -> {
            PadStore.Pad pad = PadStore.byId(c, id).orElseThrow(JdbcPads::notFound);
            if (pad.windowNo() != null) {
                throw new Problem(org.onewindow.problem.ProblemKind.CONFLICT, "PAD_BOUND", "此评价器已绑定窗口 " + pad.windowNo() + "，请先解除绑定");
            }
            if (pairingCode == null || !Hmac.matches(pad.pairingCode(), pairingCode.strip())) {
                throw Problem.badRequest("PAIRING_CODE_MISMATCH", "配对码与评价器屏幕上显示的不一致");
            }
            Jdbc.update(c, "UPDATE EVAL_PAD SET WINDOW_NO = ?, BOUND_AT = ?, BOUND_BY = ? WHERE ID = ?", windowNo, now, actor.name(), id);
            trail.append(c, AuditEvent.of("RATING_PAD_BOUND", actor).on("RATING_PAD", String.valueOf(id)).detail("window " + windowNo));
            return PadStore.byId(c, id).orElseThrow().dto();
        });
    }

    @Override
    public void remove(long id, Actor actor) {
        actor.requireAny(ADMIN);
        store.tx(c -> {
            PadStore.Pad pad = PadStore.byId(c, id).orElseThrow(JdbcPads::notFound);
            Jdbc.update(c, "DELETE FROM EVAL_PAD WHERE ID = ?", id);
            trail.append(c, AuditEvent.of("RATING_PAD_REMOVED", actor).on("RATING_PAD", String.valueOf(id))
                    .detail(pad.windowNo() == null ? "not bound" : "window " + pad.windowNo()));
            return null;
        });
    }

    private static Problem notFound() {
        return Problem.notFound("PAD_NOT_FOUND", "没有这个评价器（未绑定的评价器超过配对时间后会被清除）");
    }
}
