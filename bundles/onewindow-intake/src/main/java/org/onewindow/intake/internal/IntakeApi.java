package org.onewindow.intake.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.intake.CaseExtension;
import org.onewindow.intake.IntakeService;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Publishes {@link CaseResource} at {@code /api/v1/cases}, with the case extensions installed at the time of each request. */
@Component(immediate = true)
public class IntakeApi {
    static final String ADDRESS = "/v1/cases";

    @Reference
    RestPublisher publisher;

    @Reference
    IntakeService intake;

    private final Map<String, CaseExtension> extensions = new ConcurrentHashMap<>();
    private Publication publication;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtension(CaseExtension extension) {
        extensions.put(extension.segment(), extension);
    }

    void removeExtension(CaseExtension extension) {
        extensions.remove(extension.segment(), extension);
    }

    @Activate
    void activate() {
        publication = publisher.publish(ADDRESS, new CaseResource(intake, extensions::get));
    }

    @Deactivate
    void deactivate() {
        publication.close();
    }
}
