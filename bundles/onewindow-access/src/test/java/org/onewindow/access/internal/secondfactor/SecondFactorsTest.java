package org.onewindow.access.internal.secondfactor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.List;

import org.bouncycastle.util.encoders.Base32;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.access.internal.TestDatabase;
import org.onewindow.problem.Problem;

public class SecondFactorsTest {
    private SecondFactors factors;
    private final Instant now = Instant.parse("2026-12-06T08:00:00Z");

    @Before
    public void fresh() throws Exception {
        factors = new SecondFactors(TestDatabase.fresh());
    }

    @Test
    public void enrolmentIsConfirmedByAFirstCodeAndGivesTenRecoveryCodes() {
        var e = factors.start("admin", "OneWindow 惠城区", now);
        assertTrue(factors.state("admin").pending());
        assertFalse(factors.state("admin").enrolled());
        assertTrue(factors.pendingUri("admin", "OneWindow 惠城区").contains(e.secret().replace("=", "")));
        byte[] secret = Base32.decode(e.secret());
        try {
            factors.confirm("admin", "000000".equals(Totp.code(secret, Totp.step(now))) ? "111111" : "000000", now);
            fail("a wrong first code confirms nothing");
        } catch (Problem p) {
            assertEquals("SECOND_FACTOR_INVALID", p.code());
        }
        List<String> codes = factors.confirm("admin", Totp.code(secret, Totp.step(now)), now);
        assertEquals(10, codes.size());
        assertTrue(factors.state("admin").enrolled());
        assertEquals(10, factors.state("admin").recoveryCodesLeft());
        try {
            factors.start("admin", "x", now);
            fail("a confirmed factor is not replaced by the owner");
        } catch (Problem p) {
            assertEquals("SECOND_FACTOR_ENROLLED", p.code());
        }
    }

    @Test
    public void aCodeIsUsedOnceAtTheConsoleAndARecoveryCodeOnceAnywhere() {
        var e = factors.start("admin", "x", now);
        byte[] secret = Base32.decode(e.secret());
        List<String> recovery = factors.confirm("admin", Totp.code(secret, Totp.step(now)), now);
        Instant later = now.plusSeconds(60);
        String code = Totp.code(secret, Totp.step(later));
        assertTrue(factors.verify("admin", code, true, later).ok());
        assertFalse("the same code again is a replay", factors.verify("admin", code, true, later).ok());
        assertTrue("HTTP Basic may repeat the step it last used", factors.verify("admin", code, false, later).ok());
        assertFalse("an older step never passes", factors.verify("admin", Totp.code(secret, Totp.step(later) - 1), false, later).ok());

        var used = factors.verify("admin", recovery.get(3), true, later);
        assertTrue(used.ok() && used.recovery());
        assertFalse(factors.verify("admin", recovery.get(3), true, later).ok());
        assertEquals(9, factors.state("admin").recoveryCodesLeft());
        assertFalse(factors.verify("admin", "abcde-fghjk", true, later).ok());
        assertFalse(factors.verify("nobody", code, true, later).ok());
    }

    @Test
    public void aResetRemovesTheFactorAndItsCodes() {
        var e = factors.start("security", "x", now);
        factors.confirm("security", Totp.code(Base32.decode(e.secret()), Totp.step(now)), now);
        assertTrue(factors.reset("security"));
        assertFalse(factors.state("security").enrolled());
        assertFalse(factors.reset("security"));
    }
}
