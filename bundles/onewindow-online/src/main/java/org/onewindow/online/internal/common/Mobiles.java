package org.onewindow.online.internal.common;

import org.onewindow.problem.Problem;

/** Mainland mobile numbers as the online channel takes them: refused with its code, else the citizen bundle's rule. */
public final class Mobiles {
    private Mobiles() {
    }

    /** The number without spaces; {@code INVALID_MOBILE} unless it is 11 digits starting 13-19. */
    public static String check(String mobile) {
        String m = org.onewindow.citizen.Mobiles.normal(mobile);
        if (!isMobile(m)) {
            throw Problem.badRequest("INVALID_MOBILE", "手机号码应为 11 位数字，以 13-19 开头");
        }
        return m;
    }

    /** Whether {@code phone}, without spaces and dashes, is a mobile that can take a text. */
    public static boolean isMobile(String phone) {
        return org.onewindow.citizen.Mobiles.isMobile(phone);
    }

    public static String mask(String mobile) {
        return org.onewindow.citizen.Mobiles.mask(mobile);
    }
}
