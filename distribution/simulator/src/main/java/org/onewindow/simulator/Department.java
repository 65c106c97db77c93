package org.onewindow.simulator;

/**
 * The department simulated, as the parts of {@link DepartmentSimulator} see it: its code (in references, licence
 * numbers and {@code decidedBy}), the secret that signs both ways, its switches and its event log.
 */
record Department(String code, String secret, Switches switches, EventLog log) {
    /** One line in the event log (see {@link EventLog#event(String, Object...)}). */
    void event(String event, Object... pairs) {
        log.event(event, pairs);
    }
}
