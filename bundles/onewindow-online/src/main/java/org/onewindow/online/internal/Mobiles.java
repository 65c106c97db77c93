package org.onewindow.online.internal;

import org.onewindow.problem.Problem;

/** Mainland mobile numbers: checked, and masked for logs and pages. */
final class Mobiles {
    private Mobiles() {
    }

    /** The number without spaces; {@code INVALID_MOBILE} unless it is 11 digits starting 13-19. */
    static String check(String mobile) {
        String m = normal(mobile);
        if (!isMobile(m)) {
            throw Problem.badRequest("INVALID_MOBILE", "手机号码应为 11 位数字，以 13-19 开头");
        }
        return m;
    }

    /** Whether {@code phone}, without spaces and dashes, is a mobile that can take a text. */
    static boolean isMobile(String phone) {
        return normal(phone).matches("1[3-9][0-9]{9}");
    }

    static String mask(String mobile) {
        return mobile == null || mobile.length() < 11 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private static String normal(String phone) {
        return phone == null ? "" : phone.replace(" ", "").replace("-", "");
    }
}
