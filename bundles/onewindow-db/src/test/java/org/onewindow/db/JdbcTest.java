package org.onewindow.db;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The parameter markers of an {@code IN (...)} list, as five queries of four bundles build them. */
public class JdbcTest {

    @Test
    public void oneMarkerPerValueSeparatedByCommas() {
        assertEquals("?", Jdbc.placeholders(1));
        assertEquals("?, ?, ?", Jdbc.placeholders(3));
        assertEquals("", Jdbc.placeholders(0));
    }
}
