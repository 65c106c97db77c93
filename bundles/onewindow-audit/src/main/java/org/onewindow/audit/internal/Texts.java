package org.onewindow.audit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onewindow.citizen.IdNumbers;

/** What goes into a record's text fields: printable, cut to the column, and no resident ID number whole. */
final class Texts {
    /** Eighteen-character resident ID numbers (GB 11643-1999) standing alone in a text. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    private Texts() {
    }

    /** Printable text cut to {@code max}; control characters become spaces; blank becomes null. */
    static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.strip().codePoints().forEach(cp -> {
            if (out.length() < max) {
                out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? ' ' : cp);
            }
        });
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    /** {@link #clean} with every resident ID number masked: a free text (a shell command, a detail) may carry one. */
    static String scrubbed(String text, int max) {
        if (text == null) {
            return null;
        }
        Matcher m = RESIDENT_ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumbers.mask(m.group().toUpperCase(java.util.Locale.ROOT))));
        }
        m.appendTail(out);
        return clean(out.toString(), max);
    }
}
