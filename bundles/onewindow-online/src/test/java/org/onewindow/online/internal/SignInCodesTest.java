package org.onewindow.online.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class SignInCodesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    private static final String ID = "441302199003071238";

    private final SignInCodes codes = new SignInCodes(new SignInCodes.Limits(Duration.ofMinutes(5), 3, Duration.ofSeconds(60), 3, 5));

    @Test
    public void theRightCodeSignsInOnceWithinItsTime() {
        String code = codes.issue(ID, "13800138000", "10.0.0.1", T0);
        assertTrue(code.matches("\\d{6}"));
        assertEquals("13800138000", codes.verify(ID, code, T0.plusSeconds(299)));
        assertEquals("CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0.plusSeconds(299))));
    }

    @Test
    public void anOldCodeHasExpired() {
        String code = codes.issue(ID, "13800138000", "10.0.0.1", T0);
        assertEquals("CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0.plusSeconds(300))));
    }

    @Test
    public void tooManyWrongEntriesVoidTheCode() {
        String code = codes.issue(ID, "13800138000", "10.0.0.1", T0);
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("CODE_LOCKED", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("the right code comes too late", "CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0)));
    }

    @Test
    public void aNewCodeVoidsTheOneBefore() {
        String first = codes.issue(ID, "13800138000", "10.0.0.1", T0);
        String second = codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(61));
        if (!first.equals(second)) {
            assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, first, T0.plusSeconds(62))));
        }
        assertEquals("13800138000", codes.verify(ID, second, T0.plusSeconds(62)));
    }

    @Test
    public void sendingIsLimitedPerIdNumberAndPerClient() {
        codes.issue(ID, "13800138000", "10.0.0.1", T0);
        assertEquals("an interval between two codes", "TOO_MANY_CODES", problem(() -> codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(59))));
        codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(60));
        codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(120));
        assertEquals("three per hour for one ID number", "TOO_MANY_CODES",
                problem(() -> codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(180))));
        codes.issue(ID, "13800138000", "10.0.0.1", T0.plusSeconds(3601));

        // the client's count within the hour: T0+60, T0+120, T0+3601 and these two
        codes.issue("11010519491231002X", "13900139000", "10.0.0.1", T0.plusSeconds(3602));
        codes.issue("440103199001011236", "13900139001", "10.0.0.1", T0.plusSeconds(3603));
        assertEquals("five per hour from one client", "TOO_MANY_CODES",
                problem(() -> codes.issue("440103199001011252", "13900139002", "10.0.0.1", T0.plusSeconds(3604))));
        codes.issue("440103199001011252", "13900139002", "10.0.0.2", T0.plusSeconds(3604));
    }

    private static String problem(Runnable r) {
        try {
            r.run();
        } catch (Problem p) {
            return p.code();
        }
        fail("no problem");
        return null;
    }
}
