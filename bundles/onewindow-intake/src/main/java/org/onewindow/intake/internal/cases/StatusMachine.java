package org.onewindow.intake.internal.cases;

import static org.onewindow.intake.CaseStatus.ACCEPTED;
import static org.onewindow.intake.CaseStatus.APPROVED;
import static org.onewindow.intake.CaseStatus.DELIVERED;
import static org.onewindow.intake.CaseStatus.DENIED;
import static org.onewindow.intake.CaseStatus.DRAFT;
import static org.onewindow.intake.CaseStatus.IN_REVIEW;
import static org.onewindow.intake.CaseStatus.READY_FOR_PICKUP;
import static org.onewindow.intake.CaseStatus.REJECTED;
import static org.onewindow.intake.CaseStatus.SUPPLEMENT_REQUESTED;
import static org.onewindow.intake.CaseStatus.WITHDRAWN;
import static org.onewindow.security.Actor.CLERK;
import static org.onewindow.security.Actor.REVIEWER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.intake.CaseStatus;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;

/** The allowed moves of a case and who may make each: front office takes in and hands out, back office decides. */
public final class StatusMachine {
    private static final Map<CaseStatus, Map<CaseStatus, Set<String>>> MOVES = new EnumMap<>(CaseStatus.class);
    /**
     * Moves made only through the back office (routing by the relay, decisions, supplements), where
     * the department and the time limit are checked; never through a plain transition.
     */
    private static final Map<CaseStatus, Set<CaseStatus>> BACK_OFFICE = Map.of(
            ACCEPTED, Set.of(IN_REVIEW),
            IN_REVIEW, Set.of(APPROVED, DENIED, SUPPLEMENT_REQUESTED));

    static {
        move(DRAFT, ACCEPTED, CLERK);
        move(DRAFT, REJECTED, CLERK);
        move(DRAFT, WITHDRAWN, CLERK);
        move(ACCEPTED, IN_REVIEW, REVIEWER);
        // instant items (即来即办) only: see allowed()
        move(ACCEPTED, READY_FOR_PICKUP, CLERK);
        move(ACCEPTED, WITHDRAWN, CLERK);
        move(IN_REVIEW, APPROVED, REVIEWER);
        move(IN_REVIEW, DENIED, REVIEWER);
        move(IN_REVIEW, SUPPLEMENT_REQUESTED, REVIEWER);
        move(IN_REVIEW, WITHDRAWN, CLERK);
        // the supplement is handed in at the window
        move(SUPPLEMENT_REQUESTED, IN_REVIEW, CLERK);
        move(SUPPLEMENT_REQUESTED, WITHDRAWN, CLERK);
        move(APPROVED, READY_FOR_PICKUP, CLERK, REVIEWER);
        move(DENIED, READY_FOR_PICKUP, CLERK, REVIEWER);
        move(READY_FOR_PICKUP, DELIVERED, CLERK);
    }

    /** Where materials may still be handed in: at intake, after acceptance (owed ones, 容缺), on a supplement. */
    private static final Set<CaseStatus> RECEIVING = Set.of(DRAFT, ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED);

    /**
     * Where a case's clock runs (or stands, awaiting a supplement): accepted and not decided yet. What the
     * supervision's time-limit watch lists, and where the deciding district's extension or the accepting
     * district's withdrawal still reaches a case decided here for another district.
     */
    public static final Set<CaseStatus> CLOCKED = Set.of(ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED);

    /** Where a case is no longer handled ({@link CaseStatus#isOpen}), in the enum's order: for queries. */
    public static final List<CaseStatus> CLOSED = Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).toList();

    private StatusMachine() {
    }

    /** Whether the window may still take materials for a case in {@code status} (what the console's case page follows). */
    public static boolean receives(CaseStatus status) {
        return RECEIVING.contains(status);
    }

    private static void move(CaseStatus from, CaseStatus to, String... roles) {
        MOVES.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(to, Set.of(roles));
    }

    /** Where a case may go from {@code from}; straight to pickup only for instant items. */
    static List<CaseStatus> allowed(CaseStatus from, boolean instant) {
        List<CaseStatus> out = new ArrayList<>(MOVES.getOrDefault(from, Map.of()).keySet());
        if (from == ACCEPTED && !instant) {
            out.remove(READY_FOR_PICKUP);
        }
        return out;
    }

    /** Refuses a back-office move through a plain transition (409 BACK_OFFICE_STEP), then as {@link #check}. */
    public static void checkWindowMove(CaseStatus from, CaseStatus to, boolean instant, Actor actor) {
        if (to != null && BACK_OFFICE.getOrDefault(from, Set.of()).contains(to)) {
            throw new Problem(ProblemKind.CONFLICT, "BACK_OFFICE_STEP", to == IN_REVIEW
                    ? "受理后的办件由流转服务（onewindow-relay）送交主管部门，不能手工转入审查"
                    : "审批决定、补正告知须通过 /cases/{caseNo}/decision 或 /supplement 作出");
        }
        check(from, to, instant, actor);
    }

    /** Refuses a move that is not allowed (409, naming the allowed ones) or not the actor's to make (403). */
    public static void check(CaseStatus from, CaseStatus to, boolean instant, Actor actor) {
        List<CaseStatus> allowed = allowed(from, instant);
        if (to == null || !allowed.contains(to)) {
            String names = allowed.isEmpty() ? "（已办结，不能再变更）"
                    : allowed.stream().map(Enum::name).collect(Collectors.joining("、"));
            throw new Problem(ProblemKind.CONFLICT, "ILLEGAL_TRANSITION",
                    "办件状态 " + from + " 不能转为 " + to + "；可转为：" + names);
        }
        Set<String> roles = MOVES.get(from).get(to);
        if (roles.stream().noneMatch(actor::has)) {
            throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "从 " + from + " 转为 " + to + " 需要角色："
                    + String.join("、", roles));
        }
    }
}
