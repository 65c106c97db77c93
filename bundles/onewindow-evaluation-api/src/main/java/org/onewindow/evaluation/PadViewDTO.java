package org.onewindow.evaluation;

/**
 * What a pad shows: its pairing code until an administrator binds it, then its window and the service last finished there
 * and not yet rated (null: the welcome screen). {@code token} is answered once, when the pad registers.
 */
public record PadViewDTO(long id, String token, String pairingCode, boolean bound, Integer windowNo, RatableDTO service) {
}
