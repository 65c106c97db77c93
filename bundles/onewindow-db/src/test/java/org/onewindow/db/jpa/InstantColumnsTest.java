package org.onewindow.db.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.Test;

public class InstantColumnsTest {
    private final InstantColumns columns = new InstantColumns();

    @Test
    public void anInstantComesBackFromItsColumnAsItWent() {
        Instant at = Instant.parse("2026-12-07T03:18:18.123Z");
        Timestamp column = columns.convertToDatabaseColumn(at);
        assertEquals(at.toEpochMilli(), column.getTime());
        assertEquals(at, columns.convertToEntityAttribute(column));
        assertNull(columns.convertToDatabaseColumn(null));
        assertNull(columns.convertToEntityAttribute(null));
    }

    @Test
    public void timesAreKeptToTheMillisecondAsDatesWere() {
        assertEquals(Instant.parse("2026-12-07T03:18:18.123Z"), InstantColumns.kept(Instant.parse("2026-12-07T03:18:18.123456789Z")));
        assertEquals(0, InstantColumns.now().getNano() % 1_000_000);
    }
}
