package org.onewindow.itests;

/**
 * The ports of the appliances, simulators and helpers the tests start, each class on ports of its own. Failsafe runs
 * the classes in two JVMs side by side (the pom's {@code forkCount}); every port of the second is 1000 above the
 * first's, so that two classes running at once never share one.
 */
final class Ports {
    /** The failsafe fork this JVM is (1, 2, …; 1 outside failsafe). */
    static final int FORK = Integer.getInteger("onewindow.fork", 1);
    private static final int STEP = 1000;

    private Ports() {
    }

    /** {@code base} (a port of the 9000s) as this fork uses it. */
    static int of(int base) {
        return base + (FORK - 1) * STEP;
    }

    /** {@code http://localhost:<port>} of {@code base} in this fork. */
    static String local(int base) {
        return "http://localhost:" + of(base);
    }
}
