package org.onewindow.catalog.internal;

import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link CatalogResource} at {@code /api/v1/catalog} and the guides for everyone at {@code /api/v1/public/catalog}. */
@Component(immediate = true, configurationPid = CatalogConfig.PID)
public class CatalogApi {

    @Reference
    RestPublisher publisher;

    @Reference
    CatalogService catalog;

    @Reference
    AuditTrail trail;

    private Publication publication;
    private Publication guides;

    @Activate
    void activate(CatalogConfig config) {
        publication = publisher.publish("/v1/catalog", new CatalogResource(catalog, trail, config.maxImportBytes()));
        guides = publisher.publish("/v1/public/catalog", new PublicCatalogResource(catalog));
    }

    @Deactivate
    void deactivate() {
        guides.close();
        publication.close();
    }
}
