package org.onewindow.licences;

import org.onewindow.problem.Problem;

/**
 * Why a citizen's licences are read: a case, or a stated purpose. A read without one is refused
 * ({@code PURPOSE_REQUIRED}), so every read in the access log can be accounted for.
 */
public final class Purpose {
    static final int MAX_PURPOSE = 200;
    public final String caseNo;
    public final String text;

    private Purpose(String caseNo, String text) {
        this.caseNo = caseNo;
        this.text = text;
    }

    /** From request parameters: at least one of them, a purpose of at most 200 characters. */
    public static Purpose of(String caseNo, String purpose) {
        String no = caseNo == null || caseNo.isBlank() ? null : caseNo.strip();
        String text = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (no == null && text == null) {
            throw Problem.badRequest("PURPOSE_REQUIRED", "查询证照须关联办件编号（caseNo）或写明用途（purpose）");
        }
        if (text != null && text.length() > MAX_PURPOSE) {
            throw Problem.badRequest("PURPOSE_REQUIRED", "purpose 不能超过 " + MAX_PURPOSE + " 字");
        }
        return new Purpose(no, text);
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
