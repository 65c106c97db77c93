package org.onewindow.licences;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The citywide licence library (R9) at the city hub, asked for a licence this district's library does
 * not hold: provided by the replication feature once the district is federated.
 */
@ConsumerType
public interface CityLicences {

    /**
     * The licence as the hub holds it, with {@link LicenceDTO#heldAt} the district that holds it and its
     * stored status ({@code VALID} or {@code REVOKED}), or null if the city has none. The hub logs the
     * read; the caller logs it here. Throws a {@link org.onewindow.problem.Problem} if the hub cannot be asked.
     */
    LicenceDTO find(String type, String number, Purpose purpose, String actor);
}
