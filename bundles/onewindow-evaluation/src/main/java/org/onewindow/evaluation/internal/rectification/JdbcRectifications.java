package org.onewindow.evaluation.internal.rectification;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.FollowUpDTO;
import org.onewindow.evaluation.RatingDTO;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.RectificationState;
import org.onewindow.evaluation.Rectifications;
import org.onewindow.evaluation.VerificationDTO;
import org.onewindow.evaluation.internal.DepartmentScope;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.evaluation.internal.Periods;
import org.onewindow.evaluation.internal.journal.RatingRecords;
import org.onewindow.evaluation.internal.ratings.RatingStore;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.problem.Texts;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Rectifications} in the appliance's database; each step is one transaction with its audit record. */
@Component(service = Rectifications.class)
public class JdbcRectifications implements Rectifications {
    private static final Set<String> SUPERVISORS = Set.of("supervisor");
    private static final int TEXT_MAX = 2000;
    @Reference
    EvaluationStore store;

    @Reference
    WorkingCalendar calendar;

    @Reference
    AuditTrail trail;

    /** Each step goes to the city hub with its rating, in the step's transaction. */
    @Reference
    ChangeJournal journal;

    private StepDeadlines deadlines;

    @Activate
    void activate() {
        deadlines = new StepDeadlines(calendar, store.config().verifyDays(), store.config().putRightDays(), store.config().followUpDays());
    }

    /** The unit tests' way in. */
    public static JdbcRectifications of(EvaluationStore store, WorkingCalendar calendar, AuditTrail trail, ChangeJournal journal) {
        JdbcRectifications r = new JdbcRectifications();
        r.journal = journal;
        r.store = store;
        r.calendar = calendar;
        r.trail = trail;
        r.activate();
        return r;
    }

    @Override
    public List<RectificationDTO> list(boolean openOnly, Actor actor) {
        actor.requireAny(SUPERVISORS);
        LocalDate today = store.today();
        String depts = departments(actor);
        return store.tx(c -> openOnly
                ? RectificationStore.read(c, RectificationStore.SELECT + " WHERE x.STATE <> 'CLOSED'" + depts + " ORDER BY x.OPENED_AT", today, deptValues(actor).toArray())
                        .stream().sorted(java.util.Comparator.comparing(RectificationDTO::dueOn)).toList()
                : RectificationStore.read(c, RectificationStore.SELECT + " WHERE x.OPENED_AT >= ?" + depts + " ORDER BY x.OPENED_AT DESC", today,
                        concat(java.sql.Timestamp.from(store.clock().instant().minus(java.time.Duration.ofDays(92))), actor)));
    }

    @Override
    public RectificationDTO get(long id, Actor actor) {
        actor.requireAny(SUPERVISORS);
        return store.tx(c -> one(c, id, actor));
    }

    @Override
    public RectificationDTO verify(long id, VerificationDTO v, Actor actor) {
        actor.requireAny(SUPERVISORS);
        if (v == null || v.justified() == null) {
            throw Problem.badRequest("INVALID_VERIFICATION", "请说明差评是否属实（justified）");
        }
        if (v.isMalicious() && v.justified()) {
            throw Problem.badRequest("INVALID_VERIFICATION", "属实的差评不能认定为恶意差评");
        }
        String evidence = text("evidence", v.evidence(), "EVIDENCE_REQUIRED", "请写明核实的依据（录音录像、材料、当事人说明等）");
        return step(id, actor, RectificationState.VERIFY, (c, today, now, late) -> {
            RectificationState next = v.isMalicious() ? RectificationState.CLOSED
                    : v.justified() ? RectificationState.PUT_RIGHT : RectificationState.FOLLOW_UP;
            Jdbc.update(c, "UPDATE EVAL_RECTIFICATION SET STATE = ?, VERIFIED_AT = ?, VERIFIED_BY = ?, VERIFY_LATE = ?, JUSTIFIED = ?, EVIDENCE = ?,"
                    + " PUT_RIGHT_DUE = ?, FOLLOW_UP_DUE = ? WHERE ID = ?", next.name(), now, actor.name(), late ? 1 : 0, v.justified() ? 1 : 0,
                    evidence, next == RectificationState.PUT_RIGHT ? Date.valueOf(deadlines.putRightDue(today)) : null,
                    next == RectificationState.FOLLOW_UP ? Date.valueOf(deadlines.followUpDue(today)) : null, id);
            if (v.isMalicious()) {
                // marked, never deleted: the figures leave it out, the trail keeps the rating and this judgement
                Jdbc.update(c, "UPDATE EVAL_RATING SET MALICIOUS = 1 WHERE ID = (SELECT RATING_ID FROM EVAL_RECTIFICATION WHERE ID = ?)", id);
            }
            return AuditEvent.of("RATING_VERIFIED", actor).detail((v.justified() ? "justified" : "not justified") + (v.isMalicious() ? ", malicious" : ""));
        });
    }

    @Override
    public RectificationDTO putRight(long id, String action, Actor actor) {
        actor.requireAny(SUPERVISORS);
        String done = text("action", action, "ACTION_REQUIRED", "请写明整改措施");
        return step(id, actor, RectificationState.PUT_RIGHT, (c, today, now, late) -> {
            Jdbc.update(c, "UPDATE EVAL_RECTIFICATION SET STATE = 'FOLLOW_UP', PUT_RIGHT_AT = ?, PUT_RIGHT_BY = ?, PUT_RIGHT_LATE = ?,"
                    + " ACTION_TAKEN = ?, FOLLOW_UP_DUE = ? WHERE ID = ?", now, actor.name(), late ? 1 : 0, done,
                    Date.valueOf(deadlines.followUpDue(today)), id);
            return AuditEvent.of("RATING_PUT_RIGHT", actor);
        });
    }

    @Override
    public RectificationDTO followUp(long id, FollowUpDTO f, Actor actor) {
        actor.requireAny(SUPERVISORS);
        if (f == null || f.channel() == null || !Set.of("PHONE", "SMS").contains(f.channel())) {
            throw Problem.badRequest("INVALID_CHANNEL", "回访方式须为 PHONE（电话）或 SMS（短信）");
        }
        if (f.satisfied() == null) {
            throw Problem.badRequest("INVALID_FOLLOW_UP", "请说明群众对处理结果是否满意（satisfied）");
        }
        String outcome = text("outcome", f.outcome(), "OUTCOME_REQUIRED", "请写明回访情况");
        return step(id, actor, RectificationState.FOLLOW_UP, (c, today, now, late) -> {
            Jdbc.update(c, "UPDATE EVAL_RECTIFICATION SET STATE = 'CLOSED', FOLLOWED_UP_AT = ?, FOLLOWED_UP_BY = ?, FOLLOW_UP_LATE = ?,"
                    + " FOLLOW_UP_CHANNEL = ?, OUTCOME = ?, SATISFIED = ? WHERE ID = ?", now, actor.name(), late ? 1 : 0, f.channel(), outcome,
                    f.satisfied() ? 1 : 0, id);
            return AuditEvent.of("RATING_FOLLOWED_UP", actor).detail(f.channel() + (f.satisfied() ? ", satisfied" : ", not satisfied"));
        });
    }

    @Override
    public List<RatingDTO> ratings(String from, String to, Integer level, int limit, Actor actor) {
        actor.requireAny(SUPERVISORS);
        Periods.Period p = Periods.of(from, to, store.today());
        List<Object> values = new ArrayList<>(List.of(Date.valueOf(p.from()), Date.valueOf(p.to())));
        String where = "WHERE RATED_DAY BETWEEN ? AND ?";
        if (level != null) {
            where += " AND SCORE = ?";
            values.add(level);
        }
        List<Object> depts = deptValues(actor);
        if (!depts.isEmpty()) {
            where += " AND DEPT_CODE IN (" + Jdbc.placeholders(depts.size()) + ")";
            values.addAll(depts);
        }
        String sql = where + " ORDER BY RATED_AT DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY";
        return store.tx(c -> RatingStore.list(c, sql, values.toArray()));
    }

    /** A step's change, given the day and instant it is done and whether that is after its due day. */
    private interface Step {
        AuditEvent apply(Connection c, LocalDate today, Instant now, boolean late) throws SQLException;
    }

    private RectificationDTO step(long id, Actor actor, RectificationState expected, Step change) {
        Instant now = store.clock().instant();
        LocalDate today = store.today();
        return store.tx(c -> {
            RectificationDTO before = one(c, id, actor);
            if (before.state() != expected) {
                throw new Problem(ProblemKind.CONFLICT, "RECTIFICATION_STATE", "该差评当前" + before.stateLabel() + "，不能" + label(expected));
            }
            // a row lock, so that two supervisors' steps take turns and the second sees the first
            if (Jdbc.update(c, "UPDATE EVAL_RECTIFICATION SET STATE = STATE WHERE ID = ? AND STATE = ?", id, expected.name()) == 0) {
                throw new Problem(ProblemKind.CONFLICT, "RECTIFICATION_STATE", "该差评已由他人处理，请刷新");
            }
            AuditEvent event = change.apply(c, today, now, StepDeadlines.late(LocalDate.parse(before.dueOn()), today));
            trail.append(c, event.on("RATING", String.valueOf(before.rating().id())).caseNo(before.rating().caseNo()));
            RatingRecords.append(c, journal, before.rating().id(), today);
            store.changed(LocalDate.ofInstant(Instant.parse(before.rating().ratedAt()), store.zone()));
            return one(c, id, actor);
        });
    }

    private static String label(RectificationState s) {
        return switch (s) {
            case VERIFY -> "核实";
            case PUT_RIGHT -> "整改";
            case FOLLOW_UP -> "回访";
            case CLOSED -> "办结";
        };
    }

    private RectificationDTO one(Connection c, long id, Actor actor) throws SQLException {
        List<RectificationDTO> found = RectificationStore.read(c, RectificationStore.SELECT + " WHERE x.ID = ?", store.today(), id);
        if (found.isEmpty() || !sees(actor, found.get(0).rating().departmentCode())) {
            throw Problem.notFound("RECTIFICATION_NOT_FOUND", "没有这条差评整改（或不属于您的部门）");
        }
        return found.get(0);
    }

    private static boolean sees(Actor actor, String dept) {
        return actor.departments().isEmpty() || actor.worksFor(dept);
    }

    private static String departments(Actor actor) {
        List<String> depts = DepartmentScope.of(actor);
        return depts.isEmpty() ? "" : " AND x.DEPT_CODE IN (" + Jdbc.placeholders(depts.size()) + ")";
    }

    private static List<Object> deptValues(Actor actor) {
        return List.copyOf(DepartmentScope.of(actor));
    }

    private static Object[] concat(Object first, Actor actor) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(deptValues(actor));
        return out.toArray();
    }


    private static String text(String field, String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(code, message);
        }
        String t = Texts.multiLine(field, value.strip());
        if (t.length() > TEXT_MAX) {
            throw Problem.badRequest(code, "不超过 " + TEXT_MAX + " 字");
        }
        return t;
    }
}
