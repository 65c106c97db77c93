package org.onewindow.intake.internal;

import org.onewindow.intake.IntakeService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link CaseResource} at {@code /api/v1/cases}. */
@Component(immediate = true)
public class IntakeApi {
    static final String ADDRESS = "/v1/cases";

    @Reference
    RestPublisher publisher;

    @Reference
    IntakeService intake;

    private Publication publication;

    @Activate
    void activate() {
        publication = publisher.publish(ADDRESS, new CaseResource(intake));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
