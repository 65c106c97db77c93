package org.onewindow.tls.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetty customizer of every request, before any handler (an OSGi {@code HttpConfiguration.Customizer} service
 * Pax Web's Jetty adds to its connectors while they run): over HTTPS it adds HSTS where plain HTTP is not served;
 * over plain HTTP it redirects to the same path on the HTTPS port (308, so a POST stays a POST) unless the hall
 * serves plain HTTP (the demo), except the health check asked from this machine itself, for monitors on the box.
 * It also reloads the HTTPS connectors' key and certificate in place once the appliance's keystore was replaced
 * (at once after {@code onewindow:tls-install}, else at the next HTTPS request), so a renewal needs no restart.
 */
public final class HttpsEdge implements HttpConfiguration.Customizer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsEdge.class);
    static final String HEALTH = "/api/v1/health";

    /** How plain HTTP is answered and whether HTTPS sends HSTS. */
    record Mode(boolean redirect, long hstsSeconds) {
    }

    private final int securePort;
    private final Path keystore;
    private volatile Mode mode;
    private volatile Server server;
    private volatile long keystoreSeen;
    private volatile long checkedAt;

    HttpsEdge(int securePort, Path keystore, Mode mode) {
        this.securePort = securePort;
        this.keystore = keystore;
        this.mode = mode;
        this.keystoreSeen = modified();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        server = connector.getServer();
        Mode m = mode;
        if (connector.getConnectionFactory(SslConnectionFactory.class) != null || request.isSecure()) {
            reloadIfReplaced();
            if (m.redirect() && m.hstsSeconds() > 0) {
                request.getResponse().setHeader("Strict-Transport-Security", "max-age=" + m.hstsSeconds());
            }
            return;
        }
        String path = request.getRequestURI();
        if (!m.redirect() || (path != null && path.startsWith(HEALTH) && loopback(request.getRemoteAddr()))) {
            return;
        }
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String query = request.getQueryString();
        Response response = request.getResponse();
        response.setStatus(308);
        response.setHeader("Location", "https://" + host + (securePort == 443 ? "" : ":" + securePort) + path + (query == null ? "" : "?" + query));
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
        request.setHandled(true);
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private long modified() {
        try {
            return Files.exists(keystore) ? Files.getLastModifiedTime(keystore).toMillis() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** At most once a second: whether the keystore changed since it was loaded, and then the reload. */
    private void reloadIfReplaced() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < 1000) {
            return;
        }
        checkedAt = now;
        if (modified() != keystoreSeen) {
            try {
                reload();
            } catch (Exception e) {
                LOG.error("HTTPS: the replaced keystore {} could not be loaded; the old certificate is served: {}", keystore, e.toString());
            }
        }
    }

    /** Reloads the key and certificate of every HTTPS connector from the keystore; how many it reloaded. */
    synchronized int reload() throws Exception {
        Server s = server;
        keystoreSeen = modified();
        int reloaded = 0;
        if (s != null) {
            for (Connector c : s.getConnectors()) {
                SslConnectionFactory ssl = c.getConnectionFactory(SslConnectionFactory.class);
                if (ssl != null) {
                    ssl.getSslContextFactory().reload(factory -> {
                    });
                    reloaded++;
                }
            }
        }
        if (reloaded > 0) {
            LOG.info("HTTPS: {} connector(s) now serve the certificate of {}", reloaded, keystore);
        }
        return reloaded;
    }
}
