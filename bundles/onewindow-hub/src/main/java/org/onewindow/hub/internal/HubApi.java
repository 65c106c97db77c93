package org.onewindow.hub.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the hub's API at {@code /api/v1/hub} while this node is a hub. */
@Component(immediate = true)
public class HubApi {
    @Reference
    RestPublisher publisher;

    @Reference
    CityHub hub;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/hub", new HubResource(hub));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
