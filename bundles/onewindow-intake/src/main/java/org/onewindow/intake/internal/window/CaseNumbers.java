package org.onewindow.intake.internal.window;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Case numbers {@code <districtCode>-<yyyyMMdd>-<sequence>}: unique citywide without asking anyone. */
final class CaseNumbers {
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private CaseNumbers() {
    }

    static String format(String districtCode, LocalDate day, int sequence) {
        return districtCode + "-" + DAY.format(day) + "-" + String.format("%04d", sequence);
    }
}
