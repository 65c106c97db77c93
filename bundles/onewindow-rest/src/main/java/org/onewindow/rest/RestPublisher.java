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

    /**
     * The same with {@code providers} of the capability's own (such as a request filter that checks
     * a login of another kind before a body is read), after the shared ones.
     */
    Publication publish(String address, java.util.List<?> providers, Object... resources);

    /**
     * The addresses published now (such as {@code /v1/catalog}): what the node's health compares with what the installed
     * capabilities declare they publish.
     */
    java.util.Set<String> addresses();

    /** A running publication. */
    interface Publication extends AutoCloseable {
        @Override
        void close();
    }
}
