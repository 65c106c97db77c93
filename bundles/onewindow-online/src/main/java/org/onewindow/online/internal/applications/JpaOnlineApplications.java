package org.onewindow.online.internal.applications;

import java.util.List;

import org.onewindow.catalog.CatalogService;
import org.onewindow.intake.IntakeService;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.Citizen;
import org.onewindow.online.NewApplicationDTO;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.ReturnDTO;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.online.internal.notices.Notices;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Online applications over intake and scanning. Intake keeps the case (a {@code DRAFT} of channel
 * {@code ONLINE} until pre-review accepts it), scanning the files; this keeps the pre-review state,
 * the delivery choice and which file is which material. A case moved at a window meanwhile wins:
 * the state shown follows the case. The citizen's side is {@link CitizenApplications}', the clerk's
 * {@link PreReview}'s.
 */
@Component(service = OnlineApplications.class)
public class JpaOnlineApplications implements OnlineApplications {
    @Reference
    OnlineDatabase db;

    @Reference
    IntakeService intake;

    @Reference
    CatalogService catalog;

    @Reference
    Notices notices;

    /** Scanning, when its feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ScanService scans;

    private CitizenApplications citizens;
    private PreReview review;

    @Activate
    void activate() {
        ApplicationRecords records = new ApplicationRecords(db);
        ApplicationViews views = new ApplicationViews(catalog, records);
        citizens = new CitizenApplications(intake, catalog, () -> scans, records, views);
        review = new PreReview(intake, catalog, notices, records, views);
    }

    @Override
    public ApplicationDTO open(Citizen citizen, NewApplicationDTO request) {
        return citizens.open(citizen, request);
    }

    @Override
    public ApplicationDTO upload(Citizen citizen, String caseNo, String material, List<Upload> files) {
        return citizens.upload(citizen, caseNo, material, files);
    }

    @Override
    public ApplicationDTO submit(Citizen citizen, String caseNo) {
        return citizens.submit(citizen, caseNo);
    }

    @Override
    public ApplicationDTO withdraw(Citizen citizen, String caseNo) {
        return citizens.withdraw(citizen, caseNo);
    }

    @Override
    public List<ApplicationDTO> mine(Citizen citizen) {
        return citizens.mine(citizen);
    }

    @Override
    public ApplicationDTO get(Citizen citizen, String caseNo) {
        return citizens.get(citizen, caseNo);
    }

    @Override
    public List<ApplicationDTO> queue(Actor actor) {
        return review.queue(actor);
    }

    @Override
    public ApplicationDTO review(String caseNo, Actor actor) {
        return review.review(caseNo, actor);
    }

    @Override
    public ApplicationDTO accept(String caseNo, Actor actor) {
        return review.accept(caseNo, actor);
    }

    @Override
    public ApplicationDTO returnToCitizen(String caseNo, ReturnDTO notice, Actor actor) {
        return review.returnToCitizen(caseNo, notice, actor);
    }

    @Override
    public ApplicationDTO reject(String caseNo, String reason, Actor actor) {
        return review.reject(caseNo, reason, actor);
    }
}
