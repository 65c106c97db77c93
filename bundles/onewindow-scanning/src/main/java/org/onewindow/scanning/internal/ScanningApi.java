package org.onewindow.scanning.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.onewindow.scanning.ScanService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link ScanResource} beside the intake's resource, at {@code /api/v1/cases}. */
@Component(immediate = true)
public class ScanningApi {

    @Reference
    RestPublisher publisher;

    @Reference
    ScanService scans;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/cases", new ScanResource(scans));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
