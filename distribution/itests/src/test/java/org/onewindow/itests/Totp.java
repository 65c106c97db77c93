package org.onewindow.itests;

/**
 * Codes of an authenticator app, for the tests that enrol a second factor: written here, apart from
 * the appliance's own implementation, from RFC 6238 and RFC 4648.
 */
final class Totp {
    private Totp() {
    }

    /** A TOTP code (RFC 6238: HMAC-SHA1, 30 s, 6 digits), written here apart from the appliance's own. */
    static String code(byte[] secret, int stepsAhead) throws Exception {
        long step = System.currentTimeMillis() / 1000 / 30 + stepsAhead;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** RFC 4648 base32, as the enrolment gives the secret. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
