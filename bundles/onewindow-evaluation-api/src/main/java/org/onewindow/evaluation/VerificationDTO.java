package org.onewindow.evaluation;

/**
 * 核实: whether the bad rating is justified, with the evidence looked at (the recording, the case's papers); a rating
 * judged {@code malicious} is marked, never deleted. A justified one goes on to 整改, the others to 回访.
 */
public record VerificationDTO(Boolean justified, Boolean malicious, String evidence) {

    /** Whether it was judged malicious (not said: no). */
    public boolean isMalicious() {
        return Boolean.TRUE.equals(malicious);
    }
}
