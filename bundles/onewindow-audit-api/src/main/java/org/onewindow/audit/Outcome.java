package org.onewindow.audit;

/** How the audited act ended. */
public enum Outcome {
    /** It was done. */
    SUCCESS,
    /** It was tried and failed: a wrong password, a bad code. */
    FAILURE,
    /** It was refused: no right to it, a lock-out. */
    DENIED
}
