package org.onewindow.evaluation.internal.ratings;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.evaluation.Indicator;
import org.onewindow.evaluation.Level;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.problem.Texts;

/**
 * What a rating must be: a level 1–5; indicators only of the service's kind, each 1–5; for a bad level at least one reason of
 * the current list fitting the kind (and never reasons for a good one); a comment of at most 500 characters; given while the
 * stage is open for rating ({@code ratingDays} after it).
 */
public final class RatingRules {
    static final int COMMENT_MAX = 500;

    private RatingRules() {
    }

    /** A rating checked: its level, indicators ({@code CODE=n,...}), reasons ({@code A,B}) and comment. */
    public record Checked(Level level, String indicators, String reasons, String comment) {
    }

    public static Checked check(NewRatingDTO r, ServiceKind kind, ReasonsDTO reasons, Instant servedAt, Instant now, int ratingDays) {
        if (now.isAfter(closesAt(servedAt, ratingDays))) {
            throw new Problem(ProblemKind.CONFLICT, "RATING_CLOSED", "该环节已超过 " + ratingDays + " 天的评价期限，不能再评价");
        }
        Level level = Level.of(r.level());
        Map<Indicator, Integer> indicators = new EnumMap<>(Indicator.class);
        if (r.indicators() != null) {
            for (Map.Entry<Indicator, Integer> e : r.indicators().entrySet()) {
                if (e.getKey() == null || !kind.indicators().contains(e.getKey())) {
                    throw Problem.badRequest("INVALID_INDICATOR", "此项服务不评价指标 " + e.getKey());
                }
                indicators.put(e.getKey(), Level.of(e.getValue()).score());
            }
        }
        indicators.put(Indicator.OVERALL, level.score());
        Set<String> picked = r.reasons() == null ? Set.of() : new LinkedHashSet<>(r.reasons());
        if (level.bad() && picked.isEmpty()) {
            throw Problem.badRequest("REASON_REQUIRED", "不满意的评价请至少选择一项原因");
        }
        if (!level.bad() && !picked.isEmpty()) {
            throw Problem.badRequest("INVALID_REASON", "满意的评价不选择差评原因");
        }
        List<ReasonsDTO.ReasonDTO> fitting = reasons.reasons().stream().filter(x -> x.kind() == null || x.kind() == kind).toList();
        for (String code : picked) {
            if (fitting.stream().noneMatch(x -> x.code().equals(code))) {
                throw Problem.badRequest("INVALID_REASON", "原因 " + Texts.singleLine("reason", code) + " 不在当前的原因列表中");
            }
        }
        String comment = r.comment() == null || r.comment().isBlank() ? null : Texts.multiLine("comment", r.comment().strip());
        if (comment != null && comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
            throw Problem.badRequest("INVALID_COMMENT", "意见建议不超过 " + COMMENT_MAX + " 字");
        }
        return new Checked(level, stored(indicators), picked.isEmpty() ? null : String.join(",", picked), comment);
    }

    public static Instant closesAt(Instant servedAt, int ratingDays) {
        return servedAt.plus(Duration.ofDays(ratingDays));
    }

    /** The indicators as stored ({@code CODE=n,...}); {@link #indicators} reads them back. */
    public static String stored(Map<Indicator, Integer> indicators) {
        return indicators.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The stored indicators read back. */
    public static Map<Indicator, Integer> indicators(String stored) {
        Map<Indicator, Integer> out = new EnumMap<>(Indicator.class);
        if (stored != null && !stored.isBlank()) {
            for (String pair : stored.split(",")) {
                int eq = pair.indexOf('=');
                out.put(Indicator.valueOf(pair.substring(0, eq)), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return out;
    }
}
