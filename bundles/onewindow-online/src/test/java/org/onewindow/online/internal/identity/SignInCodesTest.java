package org.onewindow.online.internal.identity;

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
    private static final Contact BOUND = new Contact("13800138000", BindingPath.WINDOW_CLERK, null, "clerk", true);

    private final SignInCodes codes = new SignInCodes(new SignInCodes.Limits(Duration.ofMinutes(5), 3, Duration.ofSeconds(60), 3, 5));

    @Test
    public void theRightCodeSignsInOnceWithinItsTimeAndTellsWhereItWent() {
        Contact realName = new Contact("13900139000", BindingPath.REAL_NAME, "RN-1", "real-name service", false);
        String code = codes.issue(ID, realName, T0);
        assertTrue(code.matches("\\d{6}"));
        assertEquals("the sign-in binds what the code was sent to", realName, codes.verify(ID, code, T0.plusSeconds(299)));
        assertEquals("CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0.plusSeconds(299))));
    }

    @Test
    public void anOldCodeHasExpired() {
        String code = codes.issue(ID, BOUND, T0);
        assertEquals("CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0.plusSeconds(300))));
    }

    @Test
    public void tooManyWrongEntriesVoidTheCode() {
        String code = codes.issue(ID, BOUND, T0);
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("CODE_LOCKED", problem(() -> codes.verify(ID, wrong, T0)));
        assertEquals("the right code comes too late", "CODE_EXPIRED", problem(() -> codes.verify(ID, code, T0)));
    }

    @Test
    public void aNewCodeVoidsTheOneBefore() {
        String first = codes.issue(ID, BOUND, T0);
        String second = codes.issue(ID, BOUND, T0.plusSeconds(61));
        if (!first.equals(second)) {
            assertEquals("WRONG_CODE", problem(() -> codes.verify(ID, first, T0.plusSeconds(62))));
        }
        assertEquals(BOUND, codes.verify(ID, second, T0.plusSeconds(62)));
    }

    @Test
    public void sendingIsLimitedPerIdNumber() {
        codes.issue(ID, BOUND, T0);
        assertEquals("an interval between two codes", "TOO_MANY_CODES", problem(() -> codes.issue(ID, BOUND, T0.plusSeconds(59))));
        assertEquals("checked before a verification is paid for", "TOO_MANY_CODES", problem(() -> codes.checkSend(ID, T0.plusSeconds(59))));
        codes.issue(ID, BOUND, T0.plusSeconds(60));
        codes.issue(ID, BOUND, T0.plusSeconds(120));
        assertEquals("three per hour for one ID number", "TOO_MANY_CODES", problem(() -> codes.issue(ID, BOUND, T0.plusSeconds(180))));
        codes.issue(ID, BOUND, T0.plusSeconds(3601));
    }

    @Test
    public void askingIsLimitedPerClientWhetherACodeIsSentOrNot() {
        for (int i = 0; i < 5; i++) {
            // five ID numbers without a verified mobile tried from one address: no code sent, each ask counted
            codes.ask("10.0.0.1", T0.plusSeconds(i));
        }
        assertEquals("five per hour from one client", "TOO_MANY_CODES", problem(() -> codes.ask("10.0.0.1", T0.plusSeconds(10))));
        codes.ask("10.0.0.2", T0.plusSeconds(10));
        codes.ask("10.0.0.1", T0.plusSeconds(3601));
    }

    @Test
    public void realNameVerificationsAreLimitedPerIdNumber() {
        codes.verification(ID, T0);
        codes.verification(ID, T0.plusSeconds(1));
        codes.verification(ID, T0.plusSeconds(2));
        assertEquals("the service is no oracle of whose a mobile is", "TOO_MANY_CODES", problem(() -> codes.verification(ID, T0.plusSeconds(3))));
        codes.verification("440103199001011236", T0.plusSeconds(3));
        codes.verification(ID, T0.plusSeconds(3601));
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
