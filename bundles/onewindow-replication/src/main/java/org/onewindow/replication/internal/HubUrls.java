package org.onewindow.replication.internal;

import java.net.URI;

import org.onewindow.problem.Problem;

/** The hub's base URL as an administrator gives it: http(s), with a host, no trailing slash. */
final class HubUrls {

    private HubUrls() {
    }

    static String check(String value) {
        String url = value == null ? "" : value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty())) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Problem.badRequest("INVALID_HUB_URL", "市级枢纽地址须为 http(s)://主机[:端口]，不含路径：" + value);
    }
}
