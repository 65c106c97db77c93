package org.onewindow.intake;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The applicant's phones as recorded on their own cases, for the online channel, which binds a
 * mobile to an ID number only where someone verified the person (a case taken in at a window, where a
 * clerk saw the ID card, is one such place). Every read is audited as the actor's.
 */
@ProviderType
public interface ApplicantContacts {

    /** The applicant's cases that have a phone, newest first, at most {@code max}; {@code FORBIDDEN} for anyone but staff. */
    List<ApplicantContactDTO> of(String idNumber, int max, Actor actor);
}
