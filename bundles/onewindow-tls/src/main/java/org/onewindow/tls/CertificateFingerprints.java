package org.onewindow.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints of certificates as browsers and {@code openssl x509 -fingerprint -sha256} show them
 * ({@code AB:CD:…}, 32 pairs), compared however a person typed them (case, colons, spaces).
 */
public final class CertificateFingerprints {

    private CertificateFingerprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static String of(byte[] encoded) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint as {@link #of} writes it, from any spelling; {@code IllegalArgumentException} if it is not 32 bytes of hex. */
    public static String normalize(String typed) {
        String hex = typed == null ? "" : typed.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits): " + typed);
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    public static boolean matches(String fingerprint, X509Certificate certificate) {
        return normalize(fingerprint).equals(of(certificate));
    }
}
