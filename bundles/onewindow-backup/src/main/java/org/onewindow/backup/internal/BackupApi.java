package org.onewindow.backup.internal;

import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link BackupResource} at {@code /api/v1/backups}. */
@Component(immediate = true)
public class BackupApi {
    @Reference
    RestPublisher publisher;

    @Reference
    BackupService backups;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/backups", new BackupResource(backups));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
