package org.onewindow.node.internal;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a capability bundle says it must have done before the node is ready, in its manifest (set in the bundle's
 * pom), so that the list lives with the code that publishes and migrates, and a new capability brings its own:
 * {@code OneWindow-Capability} (its name), {@code OneWindow-Schema} (the migration modules it brings up to date),
 * {@code OneWindow-Endpoints} (the addresses it publishes under {@code /api}) and {@code OneWindow-Role} (the one
 * role it is active in, such as the hub's side on a hub only).
 */
record DeclaredCapability(String name, long bundleId, String role, List<String> schema, List<String> endpoints) {
    static final String CAPABILITY = "OneWindow-Capability";
    static final String SCHEMA = "OneWindow-Schema";
    static final String ENDPOINTS = "OneWindow-Endpoints";
    static final String ROLE = "OneWindow-Role";

    /** The declaration of a bundle, or null if it declares nothing. */
    static DeclaredCapability of(long bundleId, Dictionary<String, String> headers) {
        String name = headers.get(CAPABILITY);
        if (name == null || name.isBlank()) {
            return null;
        }
        String role = headers.get(ROLE);
        return new DeclaredCapability(name.strip(), bundleId, role == null || role.isBlank() ? null : role.strip(), list(headers.get(SCHEMA)),
                list(headers.get(ENDPOINTS)));
    }

    /** Whether it is meant to be active on a node of {@code nodeRole}. */
    boolean activeIn(String nodeRole) {
        return role == null || role.equals(nodeRole);
    }

    private static List<String> list(String header) {
        return header == null ? List.of()
                : Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableList());
    }
}
