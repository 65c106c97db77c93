package org.onewindow.problem;

import java.util.List;

/**
 * The one check of short and long texts from outside (names, reasons, purposes, file names, notes).
 * A single-line text refuses every control character (NUL, ESC, CR, LF, TAB, DEL, C1), line and
 * paragraph separators, and every invisible format character, among them the bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E/U+200F/U+061C, zero-width characters
 * and U+FEFF: they make {@code ‮fdp.exe} read as a PDF, or hide text from the person who reads it.
 * A multi-line text (a note) allows newline and tab besides. Unassigned and private-use code points
 * pass, as rare characters of names may be among them.
 */
public final class Texts {
    public static final String INVALID_TEXT = "INVALID_TEXT";

    private Texts() {
    }

    /** {@code value} (null passes), or a {@code 400 INVALID_TEXT} problem naming {@code field}. */
    public static String singleLine(String field, String value) {
        int bad = firstRefused(value, false);
        if (bad >= 0) {
            throw invalid(field, bad);
        }
        return value;
    }

    /** The same for a multi-line note: newline and tab are allowed. */
    public static String multiLine(String field, String value) {
        int bad = firstRefused(value, true);
        if (bad >= 0) {
            throw invalid(field, bad);
        }
        return value;
    }

    /** The first code point a text may not hold, or -1. */
    public static int firstRefused(String value, boolean multiLine) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length();) {
            int cp = value.codePointAt(i);
            if (refused(cp, multiLine)) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean refused(int cp, boolean multiLine) {
        if (multiLine && (cp == '\n' || cp == '\t')) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** The problem for a refused character: which field, and which character as {@code U+XXXX}. */
    public static Problem invalid(String field, int codePoint) {
        String which = String.format("U+%04X", codePoint);
        return new Problem(ProblemKind.BAD_REQUEST, INVALID_TEXT,
                (field == null ? "文本" : "字段 " + field) + " 含有不允许的控制字符或方向控制字符（" + which + "）",
                List.of(new ProblemDetail(null, field, "不允许的字符 " + which)));
    }
}
