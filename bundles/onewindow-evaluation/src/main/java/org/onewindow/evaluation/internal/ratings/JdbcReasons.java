package org.onewindow.evaluation.internal.ratings;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.RatingReasons;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.problem.Problem;
import org.onewindow.problem.Texts;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link RatingReasons} in {@code EVAL_REASON}: each version's rows, never changed once written. */
@Component(service = RatingReasons.class)
public class JdbcReasons implements RatingReasons {
    static final int MOST = 20;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    private static final int LABEL_MAX = 50;

    @Reference
    EvaluationStore store;

    @Reference
    AuditTrail trail;

    /** The unit tests' way in. */
    public static JdbcReasons of(EvaluationStore store, AuditTrail trail) {
        JdbcReasons r = new JdbcReasons();
        r.store = store;
        r.trail = trail;
        return r;
    }

    @Override
    public List<ReasonsDTO> versions(Actor actor) {
        actor.requireAny(Set.of("supervisor", "admin"));
        return store.tx(c -> RatingStore.reasonVersions(c, ""));
    }

    @Override
    public ReasonsDTO publish(List<ReasonsDTO.ReasonDTO> reasons, Actor actor) {
        actor.requireAny(Set.of("admin"));
        List<ReasonsDTO.ReasonDTO> checked = check(reasons);
        return store.tx(c -> {
            ReasonsDTO newest = RatingStore.reasons(c);
            if (newest.reasons().equals(checked)) {
                return newest;
            }
            int version = newest.version() + 1;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_REASON (VERSION, CODE, LABEL, KIND, SORT_ORDER) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < checked.size(); i++) {
                    ReasonsDTO.ReasonDTO r = checked.get(i);
                    Jdbc.bind(s, version, r.code(), r.label(), r.kind() == null ? null : r.kind().name(), i + 1);
                    s.addBatch();
                }
                s.executeBatch();
            }
            trail.append(c, AuditEvent.of("RATING_REASONS_PUBLISHED", actor).on("RATING_REASONS", String.valueOf(version))
                    .detail(checked.size() + " reasons"));
            return RatingStore.reasons(c);
        });
    }

    /** The list as it may be published, or {@code 400 INVALID_REASONS} naming what is wrong. */
    static List<ReasonsDTO.ReasonDTO> check(List<ReasonsDTO.ReasonDTO> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.size() > MOST) {
            throw invalid("须有 1–" + MOST + " 条原因");
        }
        List<ReasonsDTO.ReasonDTO> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ReasonsDTO.ReasonDTO r : reasons) {
            if (r == null || r.code() == null || !CODE.matcher(r.code().strip()).matches()) {
                throw invalid("原因代码须为大写字母开头的大写字母、数字或下划线，至多 20 个字符");
            }
            String code = r.code().strip();
            if (!codes.add(code)) {
                throw invalid("原因代码重复：" + code);
            }
            String label = r.label() == null ? "" : Texts.singleLine("label", r.label()).strip();
            if (label.isEmpty() || label.codePointCount(0, label.length()) > LABEL_MAX) {
                throw invalid("原因 " + code + " 的名称须为 1–" + LABEL_MAX + " 个字符");
            }
            out.add(new ReasonsDTO.ReasonDTO(code, label, r.kind()));
        }
        for (ServiceKind kind : ServiceKind.values()) {
            // a bad rating needs a reason: a list with none that fits a kind would leave its citizens unable to rate badly
            if (out.stream().noneMatch(r -> r.kind() == null || r.kind() == kind)) {
                throw invalid("至少须有一条原因适用于" + (kind == ServiceKind.WINDOW ? "窗口服务" : "网上服务"));
            }
        }
        return List.copyOf(out);
    }

    private static Problem invalid(String message) {
        return Problem.badRequest("INVALID_REASONS", message);
    }
}
