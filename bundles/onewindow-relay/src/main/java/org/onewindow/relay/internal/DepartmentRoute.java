package org.onewindow.relay.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.onewindow.intake.Route;
import org.onewindow.tls.PeerTrust;
import org.onewindow.tls.Secrets;

/** A department's configured route, one per factory configuration; the relay looks them up by code. */
final class DepartmentRoute {
    final String code;
    final Route mode;
    final URI url;
    final byte[] secret;
    final long connectTimeoutMillis;
    final long receiveTimeoutMillis;
    /** For {@link Route#CITY}: the district that decides. */
    final String district;
    /** For {@link Route#REMOTE}: how the department system's certificate is verified, and whether to present ours. */
    final PeerTrust trust;
    /** For {@link Route#REMOTE}: whether an {@code http://} url is allowed (a test). */
    final boolean allowHttp;

    DepartmentRoute(String code, Route mode, URI url, byte[] secret, long connectTimeoutMillis, long receiveTimeoutMillis) {
        this(code, mode, url, secret, connectTimeoutMillis, receiveTimeoutMillis, null, PeerTrust.trustStore(false), false);
    }

    private DepartmentRoute(String code, Route mode, URI url, byte[] secret, long connectTimeoutMillis, long receiveTimeoutMillis,
            String district, PeerTrust trust, boolean allowHttp) {
        this.trust = trust;
        this.allowHttp = allowHttp;
        this.district = district;
        this.code = code;
        this.mode = mode;
        this.url = url;
        this.secret = secret;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.receiveTimeoutMillis = receiveTimeoutMillis;
    }

    /**
     * Checks a configuration; a remote route needs an http(s) URL and a secret of at least 16 characters (given, or
     * read from the keystore entry it names), a valid pin if any,
     * a city route the 6-digit code of the district that decides.
     */
    static DepartmentRoute of(DepartmentConfig config) {
        String code = config.code() == null ? "" : config.code().strip();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("code is required");
        }
        Route mode;
        try {
            mode = Route.valueOf(config.mode().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("department " + code + ": mode must be local, remote or city, not '" + config.mode() + "'");
        }
        if (mode == Route.LOCAL) {
            return new DepartmentRoute(code, mode, null, null, 0, 0);
        }
        if (mode == Route.CITY) {
            String district = config.district() == null ? "" : config.district().strip();
            if (!district.matches("\\d{6}")) {
                throw new IllegalArgumentException("department " + code + ": a city route needs district, a 6-digit district code, not '"
                        + config.district() + "'");
            }
            return new DepartmentRoute(code, mode, null, null, 0, 0, district, null, false);
        }
        URI url;
        try {
            url = URI.create(config.url().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("department " + code + ": url is not a URL: " + config.url());
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("department " + code + ": url must be http(s), not '" + config.url() + "'");
        }
        String secret = Secrets.resolve(config.secret());
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("department " + code + ": secret must have at least 16 characters");
        }
        PeerTrust trust;
        try {
            trust = PeerTrust.pinned(config.tlsPin(), config.clientCertificate());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("department " + code + ": tlsPin " + e.getMessage());
        }
        return new DepartmentRoute(code, mode, url, secret.getBytes(StandardCharsets.UTF_8), config.connectTimeoutMillis(),
                config.receiveTimeoutMillis(), null, trust, config.allowHttp());
    }

    @Override
    public String toString() {
        return code + " " + mode + (url == null ? "" : " " + url) + (district == null ? "" : " " + district);
    }
}
