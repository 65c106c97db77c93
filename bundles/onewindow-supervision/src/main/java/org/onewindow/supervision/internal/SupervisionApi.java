package org.onewindow.supervision.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.onewindow.supervision.SupervisionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link SupervisionResource} at {@code /api/v1/supervision}. */
@Component(immediate = true)
public class SupervisionApi {
    @Reference
    RestPublisher publisher;

    @Reference
    SupervisionService supervision;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/supervision", new SupervisionResource(supervision));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
