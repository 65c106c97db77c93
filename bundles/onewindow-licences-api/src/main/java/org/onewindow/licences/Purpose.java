package org.onewindow.licences;

import org.onewindow.problem.Problem;

/**
 * Why a citizen's licences are read: a case, or a stated purpose. A read without one is refused
 * ({@code PURPOSE_REQUIRED}), so every read in the access log can be accounted for.
 */
public record Purpose(String caseNo, String text) {
    static final int MAX_PURPOSE = 200;

    /** Either or both, blank ones as none; at least one of them, a purpose of at most 200 characters. */
    public Purpose {
        caseNo = caseNo == null || caseNo.isBlank() ? null : caseNo.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        if (caseNo == null && text == null) {
            throw Problem.badRequest("PURPOSE_REQUIRED", "查询证照须关联办件编号（caseNo）或写明用途（purpose）");
        }
        if (text != null && text.length() > MAX_PURPOSE) {
            throw Problem.badRequest("PURPOSE_REQUIRED", "purpose 不能超过 " + MAX_PURPOSE + " 字");
        }
    }

    /** From request parameters. */
    public static Purpose of(String caseNo, String purpose) {
        return new Purpose(caseNo, purpose);
    }

    /** A read by the system itself for a case, such as intake checking what the library covers. */
    public static Purpose forCase(String caseNo) {
        return of(caseNo, null);
    }

    @Override
    public String toString() {
        return caseNo != null ? "case " + caseNo : "purpose '" + text + "'";
    }
}
