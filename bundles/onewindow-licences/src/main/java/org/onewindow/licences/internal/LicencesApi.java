package org.onewindow.licences.internal;

import org.onewindow.licences.LicenceService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link LicenceResource} at {@code /api/v1/licences}. */
@Component(immediate = true, configurationPid = LicencesConfig.PID)
public class LicencesApi {
    @Reference
    RestPublisher publisher;

    @Reference
    LicenceService licences;

    private Publication publication;

    @Activate
    void activate(LicencesConfig config) {
        publication = publisher.publish("/v1/licences", new LicenceResource(licences, config.maxImportBytes()));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
