package org.onewindow.metrics.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link MetricsResource} at {@code /api/v1/metrics}. */
@Component(immediate = true)
public class MetricsApi {
    @Reference
    RestPublisher publisher;

    @Reference
    Metrics metrics;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/metrics", new MetricsResource(metrics::scrape));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
