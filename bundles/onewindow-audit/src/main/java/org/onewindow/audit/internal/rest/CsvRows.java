package org.onewindow.audit.internal.rest;

import java.util.List;

import org.onewindow.audit.AuditRecord;

/**
 * The trail as CSV (RFC 4180), in UTF-8 with a byte-order mark so that a spreadsheet shows the Chinese right. A value
 * starting with {@code = + - @} is prefixed with an apostrophe: a spreadsheet would otherwise run it as a formula.
 */
final class CsvRows {
    static final String HEADER = "\uFEFFseq,at,actor,roles,client,channel,action,objectKind,objectKey,caseNo,citizen,outcome,detail,algorithm,prevHash,hash\r\n";

    private CsvRows() {
    }

    static String line(AuditRecord r) {
        List<String> fields = List.of(Long.toString(r.seq), text(r.at), text(r.actor), text(r.roles), text(r.client), text(r.channel),
                text(r.action), text(r.objectKind), text(r.objectKey), text(r.caseNo), text(r.citizen),
                r.outcome == null ? "" : r.outcome.name(), text(r.detail), text(r.algorithm), text(r.prevHash), text(r.hash));
        StringBuilder out = new StringBuilder(256);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String quoted(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean plain = v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
