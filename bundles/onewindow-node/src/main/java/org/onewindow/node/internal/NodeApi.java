package org.onewindow.node.internal;

import org.onewindow.node.NodeService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link NodeResource} at {@code /api/v1} (the health's details, the API's description). */
@Component(immediate = true)
public class NodeApi {

    @Reference
    RestPublisher publisher;

    @Reference
    NodeHealth health;

    @Reference
    NodeService node;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1", new NodeResource(health, node));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
