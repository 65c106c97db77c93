package org.onewindow.citizen;

/**
 * Mainland mobile numbers (11 digits, 13-19), recognised and masked for logs, pages and search results
 * ({@code 138****1234}). The online channel's sign-in and the window's search share this one rule.
 */
public final class Mobiles {
    private Mobiles() {
    }

    /** Whether {@code phone}, without spaces and dashes, is a mobile that can take a text. */
    public static boolean isMobile(String phone) {
        return normal(phone).matches("1[3-9][0-9]{9}");
    }

    /** {@code phone} without spaces and dashes ({@code ""} for {@code null}). */
    public static String normal(String phone) {
        return phone == null ? "" : phone.replace(" ", "").replace("-", "");
    }

    /** The first three and the last four digits; anything shorter than a mobile is {@code ***}. */
    public static String mask(String mobile) {
        return mobile == null || mobile.length() < 11 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
