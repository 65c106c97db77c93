package org.onewindow.online.internal;

import org.onewindow.problem.Problem;

/** Mainland mobile numbers: checked, and masked for logs. */
final class Mobiles {
    private Mobiles() {
    }

    /** The number without spaces; {@code INVALID_MOBILE} unless it is 11 digits starting 13-19. */
    static String check(String mobile) {
        String m = mobile == null ? "" : mobile.replace(" ", "").replace("-", "");
        if (!m.matches("1[3-9][0-9]{9}")) {
            throw Problem.badRequest("INVALID_MOBILE", "手机号码应为 11 位数字，以 13-19 开头");
        }
        return m;
    }

    static String mask(String mobile) {
        return mobile == null || mobile.length() < 11 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
