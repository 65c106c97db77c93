package org.onewindow.relay.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.onewindow.intake.Route;

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

    DepartmentRoute(String code, Route mode, URI url, byte[] secret, long connectTimeoutMillis, long receiveTimeoutMillis) {
        this(code, mode, url, secret, connectTimeoutMillis, receiveTimeoutMillis, null);
    }

    private DepartmentRoute(String code, Route mode, URI url, byte[] secret, long connectTimeoutMillis, long receiveTimeoutMillis,
            String district) {
        this.district = district;
        this.code = code;
        this.mode = mode;
        this.url = url;
        this.secret = secret;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.receiveTimeoutMillis = receiveTimeoutMillis;
    }

    /**
     * Checks a configuration; a remote route needs an http(s) URL and a secret of at least 16 characters,
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
            return new DepartmentRoute(code, mode, null, null, 0, 0, district);
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
        if (config.secret() == null || config.secret().length() < 16) {
            throw new IllegalArgumentException("department " + code + ": secret must have at least 16 characters");
        }
        return new DepartmentRoute(code, mode, url, config.secret().getBytes(StandardCharsets.UTF_8),
                config.connectTimeoutMillis(), config.receiveTimeoutMillis());
    }

    @Override
    public String toString() {
        return code + " " + mode + (url == null ? "" : " " + url) + (district == null ? "" : " " + district);
    }
}
