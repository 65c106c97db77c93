package org.onewindow.node.internal;

import java.util.List;

import org.onewindow.node.HealthReason;

/** The node's health as staff see it ({@code GET /api/v1/health/details}, {@code onewindow:status}); monitors get the status alone. */
public class HealthReport {
    /** {@code STARTING}, {@code UP} or {@code DEGRADED}. */
    public String status;
    /** Whether the node serves: false while starting and while the database cannot be written (health then answers 503). */
    public boolean serving;
    public List<HealthReason> reasons;
    public String role;
    public String node;
    public String version;
    public List<CapabilityHealth> capabilities;
    /** Addresses published that no capability declares: a capability whose manifest is behind its code. */
    public List<String> undeclaredEndpoints;
    public StorageHealth storage;
    /** Seconds from the start of the JVM to the first time the node served (UP, or DEGRADED but serving), null before it. */
    public Double readyAfterSeconds;

    /** A capability and what it still waits for. */
    public static class CapabilityHealth {
        public String name;
        public boolean ready;
        /** Such as {@code schema catalog}, {@code endpoint /v1/catalog} or {@code bundle RESOLVED}; empty when ready. */
        public List<String> waitingFor;
    }

    /** The disk under data/onewindow. */
    public static class StorageHealth {
        public boolean writable;
        public long freeBytes;
        public long totalBytes;
        public long thresholdBytes;
    }
}
