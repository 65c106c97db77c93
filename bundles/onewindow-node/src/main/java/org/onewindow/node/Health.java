package org.onewindow.node;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's health as {@code GET /api/v1/health} says it, for what watches the node from inside (the metrics): the
 * status and why.
 */
@ProviderType
public interface Health {
    String STARTING = "STARTING";
    String UP = "UP";
    String DEGRADED = "DEGRADED";

    /** As of now (one check). */
    Status now();

    /**
     * @param status {@link #STARTING}, {@link #UP} or {@link #DEGRADED}
     * @param reasons why it is not {@link #UP}: a capability's or the storage's; empty when UP
     */
    record Status(String status, List<HealthReason> reasons) {
    }
}
