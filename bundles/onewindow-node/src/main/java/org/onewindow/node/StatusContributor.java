package org.onewindow.node;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability's lines in {@code onewindow:status}: registered as a service by each capability,
 * so the status of a node shows exactly the capabilities installed on it.
 */
@ConsumerType
public interface StatusContributor {

    /** A short name of the capability, such as {@code catalog}. */
    String capability();

    /** Figures to show, in order, such as {@code items -> 44}. */
    Map<String, Object> status();

    /**
     * What is wrong with the capability now, such that the node is {@code DEGRADED} (a department's system failing, the
     * hub unreachable, a year of the calendar missing); empty when nothing is. Asked at every health check: answer from
     * what the capability knows already, never by calling out.
     */
    default List<HealthReason> healthReasons() {
        return List.of();
    }
}
