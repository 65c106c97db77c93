package org.onewindow.bench.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the discard handler at {@code /api/v1/bench/discard} while the bench feature is installed (never in a hall). */
@Component(immediate = true)
public class BenchApi {
    @Reference
    RestPublisher publisher;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/bench/discard", new DiscardResource());
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
