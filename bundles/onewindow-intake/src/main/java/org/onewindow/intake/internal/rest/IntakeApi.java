package org.onewindow.intake.internal.rest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CaseExtension;
import org.onewindow.intake.IntakeService;
import org.onewindow.rest.KioskGuard;
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
 * time of each request, the reviewers' {@link ReviewResource} at {@code /api/v1/review}, and the
 * kiosk's {@link PublicCaseResource} at {@code /api/v1/public/cases}.
 */
@Component(immediate = true)
public class IntakeApi {
    static final String ADDRESS = "/v1/cases";
    static final String REVIEW_ADDRESS = "/v1/review";
    static final String PUBLIC_ADDRESS = "/v1/public/cases";
    /** A kiosk client may look up 20 times in 10 minutes; a case number with 5 wrong suffixes then rests. */
    private static final int LOOKUPS_PER_CLIENT = 20;
    private static final int WRONG_PER_CASE = 5;

    @Reference
    RestPublisher publisher;

    @Reference
    IntakeService intake;

    @Reference
    BackOfficeService backOffice;

    private final Map<String, CaseExtension> extensions = new ConcurrentHashMap<>();
    private Publication publication;
    private Publication review;
    private Publication kiosk;

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
        kiosk = publisher.publish(PUBLIC_ADDRESS, new PublicCaseResource(intake,
                new KioskGuard(LOOKUPS_PER_CLIENT, WRONG_PER_CASE, Duration.ofMinutes(10))));
    }

    @Deactivate
    void deactivate() {
        kiosk.close();
        review.close();
        publication.close();
    }
}
