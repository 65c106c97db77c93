package org.onewindow.replication;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed calls of this district to the city hub, with the key its approval gave; provided by
 * replication on a district, for the capabilities that talk to the hub beyond the journal (全市通办).
 * Failures are {@link org.onewindow.problem.Problem}s carrying the hub's code; {@code HUB_UNREACHABLE}
 * ({@code UNAVAILABLE}) when the hub cannot be reached or answers 5xx, {@code NOT_FEDERATED} while
 * this district is not approved.
 */
@ProviderType
public interface HubChannel {

    /** This district's code once a city administrator approved it and the key is here, else null. */
    String approvedAs();

    /** A signed POST of a JSON body to {@code path} under the hub's {@code /api/v1/hub}; the answer's body. */
    String post(String path, byte[] body);

    /** A signed GET of {@code path} (with its query) under the hub's {@code /api/v1/hub}; the answer's body. */
    String get(String path);
}
