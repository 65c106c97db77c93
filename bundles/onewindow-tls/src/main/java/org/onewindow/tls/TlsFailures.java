package org.onewindow.tls;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

/** Tells a TLS failure (the peer's certificate untrusted, the handshake refused) from other I/O failures. */
public final class TlsFailures {
    /** The stable code every outgoing link reports when the other end's certificate is not trusted. */
    public static final String UNTRUSTED = "TLS_UNTRUSTED";
    /** The code of a link configured with {@code http://} where HTTPS is required. */
    public static final String INSECURE_URL = "INSECURE_URL";

    private TlsFailures() {
    }

    /** Whether {@code failure}, or a cause of it, is a TLS handshake or certificate failure. */
    public static boolean isTls(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of a TLS failure, which says what was wrong with the certificate. */
    public static String describe(Throwable failure) {
        String message = String.valueOf(failure);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
