package org.onewindow.rest.internal;

import java.util.regex.Pattern;

/**
 * The endpoint a request is counted under: the publication's address and the matched resource's path templates,
 * with a template variable's regular expression dropped ({@code {any: .*}} is {@code {any}}), so that what a client
 * put in the path (a case number, an ID number, a typo) never becomes a label, and the labels stay few.
 */
final class Templates {
    static final String UNMATCHED = "UNMATCHED";
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private Templates() {
    }

    /** {@code /api} + address + the templates of class and method; {@link #UNMATCHED} without a match. */
    static String endpoint(String address, String[] templates) {
        if (templates == null) {
            return UNMATCHED;
        }
        StringBuilder path = new StringBuilder("/api/").append(address);
        for (String t : templates) {
            path.append('/').append(t == null ? "" : withoutRegex(t));
        }
        String joined = SLASHES.matcher(path).replaceAll("/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code {name: regex}} as {@code {name}}; the regex may hold braces of its own ({@code [0-9]{6}}). */
    static String withoutRegex(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int depth = 0;
        boolean inRegex = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
                continue;
            }
            if (depth == 0 || !inRegex) {
                if (depth == 0 || !Character.isWhitespace(c)) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
