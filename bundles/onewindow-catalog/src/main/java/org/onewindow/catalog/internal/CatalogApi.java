package org.onewindow.catalog.internal;

import org.onewindow.catalog.CatalogService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link CatalogResource} at {@code /api/v1/catalog}. */
@Component(immediate = true, configurationPid = CatalogConfig.PID)
public class CatalogApi {

    @Reference
    RestPublisher publisher;

    @Reference
    CatalogService catalog;

    private Publication publication;

    @Activate
    void activate(CatalogConfig config) {
        publication = publisher.publish("/v1/catalog", new CatalogResource(catalog, config.maxImportBytes()));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
