package org.onewindow.replication.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the district's replication status and registration at {@code /api/v1/replication}. */
@Component(immediate = true)
public class ReplicationApi {
    @Reference
    RestPublisher publisher;

    @Reference
    ReplicationShipper shipper;

    @Reference
    CityCatalogPull catalogPull;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/replication", new ReplicationResource(shipper, catalogPull));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
