package org.onewindow.audit.internal.rest;

import java.time.ZoneId;

import org.onewindow.audit.internal.AuditorDesk;
import org.onewindow.audit.internal.JdbcAuditTrail;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@code /api/v1/audit} (the auditor's). */
@Component(immediate = true)
public class AuditApi {
    @Reference
    RestPublisher publisher;

    @Reference
    JdbcAuditTrail trail;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish("/v1/audit", new AuditResource(new AuditorDesk(trail), ZoneId.of("Asia/Shanghai")));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
