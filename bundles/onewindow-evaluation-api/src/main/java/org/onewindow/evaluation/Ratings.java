package org.onewindow.evaluation;

import java.util.List;

import org.onewindow.online.Citizen;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Citizens' ratings, each proved by its channel: a pad an administrator bound to a window rates the service last finished
 * there; the kiosk a case by its number and the applicant's ID suffix; the online hall a signed-in citizen's own case; a
 * text's one-time link its stage. One rating per case and stage whatever the channel ({@code 409 ALREADY_RATED}), up to
 * {@code ratingDays} after the stage ({@code 409 RATING_CLOSED}); a bad level needs a reason ({@code 400 REASON_REQUIRED}).
 */
@ProviderType
public interface Ratings {
    /** The current list of reasons for a bad rating. */
    ReasonsDTO reasons();

    List<RatableDTO> forCase(String caseNo, String idSuffix);

    RatingReceiptDTO rateCase(String caseNo, String idSuffix, NewRatingDTO rating);

    List<RatableDTO> forCitizen(Citizen citizen);

    RatingReceiptDTO rateAsCitizen(Citizen citizen, NewRatingDTO rating);

    RatableDTO forLink(String token);

    RatingReceiptDTO rateByLink(String token, NewRatingDTO rating);

    /** What the pad holding {@code token} shows; {@code 401 PAD_UNKNOWN} for a token no pad holds. */
    PadViewDTO forPad(String token);

    RatingReceiptDTO rateAtPad(String token, NewRatingDTO rating);

    /** A new pad, unbound: its token (kept only as a hash) and the pairing code an administrator compares. */
    PadViewDTO registerPad(String client);
}
