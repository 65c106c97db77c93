package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;

import org.junit.Test;

public class CaseNumbersTest {

    @Test
    public void caseNumbersCarryDistrictDayAndSequence() {
        assertEquals("441302-20261128-0007", CaseNumbers.format("441302", LocalDate.of(2026, 11, 28), 7));
        assertEquals("441302-20261128-12345", CaseNumbers.format("441302", LocalDate.of(2026, 11, 28), 12345));
    }
}
