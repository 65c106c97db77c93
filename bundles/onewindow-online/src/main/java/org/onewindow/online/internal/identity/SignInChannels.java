package org.onewindow.online.internal.identity;

import java.util.Locale;
import java.util.Set;

/**
 * Where a citizen signed in, as their sign-in record shows it: the online hall's pages on their own
 * device ({@code WEB}) or the hall's self-service kiosk ({@code KIOSK}), as the page says (the kiosk opens
 * the same pages); anything else is {@code WEB}. For the citizen to recognise their own sign-ins, not a proof.
 */
final class SignInChannels {
    static final String WEB = "WEB";
    private static final Set<String> KNOWN = Set.of(WEB, "KIOSK");

    private SignInChannels() {
    }

    static String of(String claimed) {
        String c = claimed == null ? "" : claimed.strip().toUpperCase(Locale.ROOT);
        return KNOWN.contains(c) ? c : WEB;
    }
}
