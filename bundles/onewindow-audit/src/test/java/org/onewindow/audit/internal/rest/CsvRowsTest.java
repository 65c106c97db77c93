package org.onewindow.audit.internal.rest;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.Outcome;

public class CsvRowsTest {

    @Test
    public void fieldsAreQuotedAndFormulasDisarmed() {
        assertEquals("plain", CsvRows.quoted("plain"));
        assertEquals("\"a,b\"", CsvRows.quoted("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvRows.quoted("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", CsvRows.quoted("=HYPERLINK(1)"));
        assertEquals("\"'-1,2\"", CsvRows.quoted("-1,2"));
        AuditRecord r = new AuditRecord();
        r.seq = 7;
        r.at = "2026-12-01T00:00:00Z";
        r.actor = "clerk";
        r.action = "READ_CASE";
        r.outcome = Outcome.SUCCESS;
        r.detail = "line\nbreak";
        assertEquals("7,2026-12-01T00:00:00Z,clerk,,,,READ_CASE,,,,,SUCCESS,\"line\nbreak\",,,\r\n", CsvRows.line(r));
    }
}
