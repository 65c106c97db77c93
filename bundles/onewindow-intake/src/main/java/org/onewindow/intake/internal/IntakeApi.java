package org.onewindow.intake.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.intake.BackOfficeService;
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

/**
 * Publishes {@link CaseResource} at {@code /api/v1/cases}, with the case extensions installed at the
 * time of each request, and the reviewers' {@link ReviewResource} at {@code /api/v1/review}.
 */
@Component(immediate = true)
public class IntakeApi {
    static final String ADDRESS = "/v1/cases";
    static final String REVIEW_ADDRESS = "/v1/review";

    @Reference
    RestPublisher publisher;

    @Reference
    IntakeService intake;

    @Reference
    BackOfficeService backOffice;

    private final Map<String, CaseExtension> extensions = new ConcurrentHashMap<>();
    private Publication publication;
    private Publication review;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtension(CaseExtension extension) {
        extensions.put(extension.segment(), extension);
    }

    void removeExtension(CaseExtension extension) {
        extensions.remove(extension.segment(), extension);
    }

    @Activate
    void activate() {
        publication = publisher.publish(ADDRESS, new CaseResource(intake, backOffice, extensions::get));
        review = publisher.publish(REVIEW_ADDRESS, new ReviewResource(backOffice));
    }

    @Deactivate
    void deactivate() {
        review.close();
        publication.close();
    }
}
