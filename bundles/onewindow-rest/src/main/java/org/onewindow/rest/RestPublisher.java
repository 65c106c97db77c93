package org.onewindow.rest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes JAX-RS resource objects under the API root ({@code /api}), with the shared JSON
 * provider, error mapper and authentication filter. Every resource method needs an authenticated
 * user unless it is marked {@code @PermitAll}; {@code @RolesAllowed} narrows it to roles.
 */
@ProviderType
public interface RestPublisher {

    /**
     * Serves {@code resources} at {@code address} (such as {@code /v1/catalog}) until the returned
     * publication is closed. Call it from {@code @Activate} and close it in {@code @Deactivate}.
     */
    Publication publish(String address, Object... resources);

    /** A running publication. */
    interface Publication extends AutoCloseable {
        @Override
        void close();
    }
}
