package org.onewindow.intake.internal.window;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may take a result at the window (取件核验): the applicant or the agent showing the ID card, whose number the
 * clerk types, or whoever holds the pickup code printed on the receipt. The receipt, the text message and the
 * refusal all name these three ways, so the window accepts all three.
 */
final class PickupCheck {
    /** What the collector proved. */
    enum Proof {
        APPLICANT_ID, AGENT_ID, PICKUP_CODE
    }

    private PickupCheck() {
    }

    /**
     * The proof that {@code typedId} (an ID number, spaces and case ignored) or {@code typedCode} gives for a case
     * of {@code applicantId}, {@code agentId} (may be {@code null}) and {@code pickupCode}; empty when neither
     * matches. The clerk types into one box, so a number typed as a code is taken as an ID number too.
     */
    static Optional<Proof> check(String applicantId, String agentId, String pickupCode, String typedId, String typedCode) {
        for (String typed : new String[] {typedId, typedCode}) {
            String id = normal(typed);
            if (id.isEmpty()) {
                continue;
            }
            if (id.equals(normal(applicantId))) {
                return Optional.of(Proof.APPLICANT_ID);
            }
            if (agentId != null && id.equals(normal(agentId))) {
                return Optional.of(Proof.AGENT_ID);
            }
        }
        String code = normal(typedCode);
        if (pickupCode != null && !code.isEmpty() && code.equals(pickupCode)) {
            return Optional.of(Proof.PICKUP_CODE);
        }
        return Optional.empty();
    }

    private static String normal(String s) {
        return s == null ? "" : s.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }
}
