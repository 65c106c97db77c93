package org.onewindow.intake.internal.backoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.problem.Problem;

/**
 * A checked approval (准予: its result document, a licence number if given) or denial (不予许可: its reason and legal
 * basis), from a reviewer here or from a department's system or another district; applied by the back office.
 */
record Decision(CaseStatus to, String resultDocument, String licenceNo, String reason, String legalBasis, String licenceValidTo) {

    /** Refuses with {@code INVALID_DECISION} an outcome other than APPROVED or DENIED, or one without what it needs. */
    static Decision of(String outcome, String resultDocument, String licenceNo, String reason, String legalBasis,
            String licenceValidTo) {
        if ("APPROVED".equals(outcome)) {
            return new Decision(CaseStatus.APPROVED, Cases.limit(Cases.required(resultDocument, "INVALID_DECISION",
                    "resultDocument", "准予许可的结果（决定书或证照名称）"), 500),
                    licenceNo == null || licenceNo.isBlank() ? null : Cases.limit(licenceNo.strip(), 100), null, null,
                    date(licenceValidTo));
        }
        if ("DENIED".equals(outcome)) {
            return new Decision(CaseStatus.DENIED, null, null,
                    Cases.limit(Cases.required(reason, "INVALID_DECISION", "reason", "不予许可的理由"), 1000),
                    Cases.limit(Cases.required(legalBasis, "INVALID_DECISION", "legalBasis", "不予许可的法律依据"), 500),
                    date(licenceValidTo));
        }
        throw Problem.badRequest("INVALID_DECISION", "决定须为 APPROVED（准予）或 DENIED（不予许可），当前为 "
                + (outcome == null ? "空" : "'" + outcome.toUpperCase(Locale.ROOT) + "'"));
    }

    /** The history's note of the decision. */
    String note(String issuedLicenceNo) {
        return to == CaseStatus.APPROVED ? "准予：" + resultDocument + (issuedLicenceNo == null ? "" : "（证号 " + issuedLicenceNo + "）")
                : "不予许可：" + reason + "（依据：" + legalBasis + "）";
    }

    private static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_DECISION", "licenceValidTo 须为日期 yyyy-MM-dd，当前为 '" + value + "'");
        }
    }
}
