package org.onewindow.evaluation.internal.rest;

import java.time.Duration;

import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.RatingPads;
import org.onewindow.evaluation.RatingReasons;
import org.onewindow.evaluation.Ratings;
import org.onewindow.evaluation.Rectifications;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.online.CitizenSessions;
import org.onewindow.rest.KioskGuard;
import org.onewindow.rest.RestPublisher;
import org.onewindow.rest.RestPublisher.Publication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Publishes {@link EvaluationResource} at {@code /api/v1/evaluation} and {@link PublicEvaluationResource} at {@code /api/v1/public/evaluation}. */
@Component(immediate = true)
public class EvaluationApi {
    /** Look-ups by case number one client address may make in ten minutes (a kiosk serves many citizens). */
    static final int LOOKUPS_PER_CLIENT = 20;
    /** Wrong ID suffixes after which a case number answers no more look-ups for ten minutes. */
    static final int WRONG_PER_CASE = 5;
    @Reference
    RestPublisher publisher;

    @Reference
    Ratings ratings;

    @Reference
    Rectifications rectifications;

    @Reference
    EvaluationFigures figures;

    @Reference
    RatingPads pads;

    @Reference
    RatingReasons reasons;

    /** The settings (pads per client and minute). */
    @Reference
    EvaluationStore store;

    /** The online hall's signed-in citizens; without the online channel its rating answers 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CitizenSessions citizens;

    private Publication staff;
    private Publication open;

    @Activate
    void activate() {
        staff = publisher.publish("/v1/evaluation", new EvaluationResource(rectifications, figures, pads, reasons));
        open = publisher.publish("/v1/public/evaluation", new PublicEvaluationResource(ratings, figures, () -> citizens,
                new KioskGuard(LOOKUPS_PER_CLIENT, WRONG_PER_CASE, Duration.ofMinutes(10)), Math.max(1, store.config().padsPerMinute())));
    }

    @Deactivate
    void deactivate() {
        staff.close();
        open.close();
    }
}
