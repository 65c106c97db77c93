package org.onewindow.scanning.internal;

/** What a file is, from its first bytes: the name a browser or scanner gives it proves nothing. */
final class ContentTypes {
    static final int HEAD = 8;

    private ContentTypes() {
    }

    /** {@code image/jpeg}, {@code image/png}, {@code application/pdf}, or null for anything else. */
    static String detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return "image/png";
        }
        if (length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "application/pdf";
        }
        return null;
    }
}
