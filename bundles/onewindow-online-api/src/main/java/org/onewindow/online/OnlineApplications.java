package org.onewindow.online;

import java.util.List;

import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Online applications and their pre-review (网上申办、网上预审). An application is a case of intake
 * taken in through channel {@code ONLINE} (a {@code DRAFT} with its number from the start), its
 * files stored by scanning; a clerk pre-reviews it and accepts it (the case becomes {@code ACCEPTED},
 * no visit needed), returns it with a one-time notice of what is missing, or refuses it. Failures
 * are {@link org.onewindow.problem.Problem}s: {@code INVALID_APPLICATION}, {@code ITEM_NOT_FOUND},
 * {@code NOT_ONLINE}, {@code APPLICATION_NOT_FOUND}, {@code WRONG_STATE}, {@code MATERIAL_NOT_IN_CATALOG},
 * {@code MATERIALS_MISSING}, {@code UNSUPPORTED_FILE_TYPE}, {@code PAYLOAD_TOO_LARGE}, {@code SCANNING_UNAVAILABLE},
 * {@code FORBIDDEN}.
 */
@ProviderType
public interface OnlineApplications {

    /** Opens an application for an item marked {@code online}; the citizen is the applicant. */
    ApplicationDTO open(Citizen citizen, NewApplicationDTO request);

    /** Attaches files to one of the item's materials, in order; all or nothing. */
    ApplicationDTO upload(Citizen citizen, String caseNo, String material, List<Upload> files);

    /** Hands the application to pre-review; again after a return, once the missing files are there. */
    ApplicationDTO submit(Citizen citizen, String caseNo);

    /** Withdraws an application not yet accepted. */
    ApplicationDTO withdraw(Citizen citizen, String caseNo);

    List<ApplicationDTO> mine(Citizen citizen);

    ApplicationDTO get(Citizen citizen, String caseNo);

    /** Applications waiting for pre-review, oldest first (clerks). */
    List<ApplicationDTO> queue(Actor actor);

    /** One application as pre-review sees it, with its files (staff); the read is audited by intake. */
    ApplicationDTO review(String caseNo, Actor actor);

    /** Accepts the application online: the case is {@code ACCEPTED}, its time limit starts. */
    ApplicationDTO accept(String caseNo, Actor actor);

    /** Returns the application with a one-time notice: the materials to add or redo, and why. */
    ApplicationDTO returnToCitizen(String caseNo, ReturnDTO notice, Actor actor);

    /** Refuses the application (不予受理) with the reason; the case is {@code REJECTED}. */
    ApplicationDTO reject(String caseNo, String reason, Actor actor);
}
