package org.onewindow.intake.internal.window;

import static org.junit.Assert.assertEquals;

import java.util.Optional;

import org.junit.Test;
import org.onewindow.intake.internal.window.PickupCheck.Proof;

public class PickupCheckTest {
    private static final String APPLICANT = "11010519491231002X";
    private static final String AGENT = "330102198506150075";
    private static final String CODE = "042917";

    @Test
    public void theApplicantsIdNumberHandsOutWhateverTheCaseAndSpaces() {
        assertEquals(Optional.of(Proof.APPLICANT_ID), PickupCheck.check(APPLICANT, AGENT, CODE, " 110105 19491231002x ", null));
    }

    @Test
    public void theAgentsIdNumberHandsOut() {
        assertEquals(Optional.of(Proof.AGENT_ID), PickupCheck.check(APPLICANT, AGENT, CODE, AGENT, null));
    }

    @Test
    public void thePickupCodeHandsOut() {
        assertEquals(Optional.of(Proof.PICKUP_CODE), PickupCheck.check(APPLICANT, null, CODE, null, "042917"));
    }

    @Test
    public void anIdNumberTypedIntoTheCodeBoxIsTakenAsOne() {
        assertEquals(Optional.of(Proof.APPLICANT_ID), PickupCheck.check(APPLICANT, null, CODE, null, APPLICANT));
    }

    @Test
    public void anotherIdNumberOrCodeIsRefused() {
        assertEquals(Optional.empty(), PickupCheck.check(APPLICANT, AGENT, CODE, "440305199001011234", null));
        assertEquals(Optional.empty(), PickupCheck.check(APPLICANT, AGENT, CODE, null, "042918"));
        assertEquals(Optional.empty(), PickupCheck.check(APPLICANT, null, CODE, AGENT, null));
    }

    @Test
    public void nothingTypedOrNoCodeOnTheCaseIsRefused() {
        assertEquals(Optional.empty(), PickupCheck.check(APPLICANT, AGENT, CODE, " ", ""));
        assertEquals(Optional.empty(), PickupCheck.check(APPLICANT, AGENT, null, null, null));
        assertEquals("a case without a code (lost in a restore) is not handed out by an empty code",
                Optional.empty(), PickupCheck.check(APPLICANT, AGENT, null, null, ""));
    }
}
