package org.onewindow.intake.internal.backoffice;

import java.time.LocalDate;

import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * Whether a case's time limit may be extended (延期) as asked: by the item's rule in the catalog, or the
 * Administrative Licensing Law's art. 42 (once, at most ten working days) when the item names none; and always
 * approved before the limit as it stands runs out (on the deadline day itself, not after it).
 */
final class ExtensionRules {
    private ExtensionRules() {
    }

    /**
     * @param extensions how many extensions the case had
     * @param deadline the case's last working day as it stands
     * @throws Problem {@code EXTENSION_NOT_ALLOWED}, {@code EXTENSION_LIMIT_REACHED}, {@code EXTENSION_AFTER_DEADLINE}
     *         (conflicts: the case cannot be extended any more) or {@code EXTENSION_TOO_LONG} (ask for fewer days)
     */
    static void check(ExtensionRuleDTO rule, int extensions, LocalDate deadline, int days, LocalDate today) {
        int times = rule.times == null ? 0 : rule.times;
        String basis = "（依据：" + rule.legalBasis + "）";
        if (times == 0) {
            throw new Problem(ProblemKind.CONFLICT, "EXTENSION_NOT_ALLOWED", "本事项的办理时限不得延期" + basis);
        }
        if (extensions >= times) {
            throw new Problem(ProblemKind.CONFLICT, "EXTENSION_LIMIT_REACHED", "本件已延期 " + extensions + " 次，本事项最多延期 "
                    + times + " 次，不能再延期" + basis);
        }
        if (today.isAfter(deadline)) {
            throw new Problem(ProblemKind.CONFLICT, "EXTENSION_AFTER_DEADLINE", "办结期限 " + deadline
                    + " 已过，延期须在期限届满前（当日也可）经负责人批准，现已不能延期" + basis);
        }
        if (rule.maxDays != null && days > rule.maxDays) {
            throw Problem.badRequest("EXTENSION_TOO_LONG", "每次延期最多 " + rule.maxDays + " 个工作日，申请的是 " + days
                    + " 个工作日" + basis);
        }
    }
}
