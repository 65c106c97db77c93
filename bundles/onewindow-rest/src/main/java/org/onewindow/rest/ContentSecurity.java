package org.onewindow.rest;

/**
 * The content security policy of every page OneWindow serves: the console's, the kiosk's and the
 * citizens' pages, and the printable papers under {@code /api} (the one-time notice, the receipt):
 * no inline scripts or styles, nothing from elsewhere, no framing.
 */
public final class ContentSecurity {
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private ContentSecurity() {
    }
}
