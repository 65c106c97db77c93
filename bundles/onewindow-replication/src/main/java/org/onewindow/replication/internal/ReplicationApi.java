package org.onewindow.replication.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Publishes the district's replication status and registration at {@code /api/v1/replication}. */
@Component(immediate = true)
public class ReplicationApi {
    @Reference
    RestPublisher publisher;

    @Reference
    ReplicationShipper shipper;

    /** Absent where the catalog's package is not wired (the catalog feature never installed): shipping goes on. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CityCatalogPull catalogPull;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/replication", new ReplicationResource(shipper, () -> catalogPull));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
