package org.onewindow.online.internal.common;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onewindow.tls.PeerTrust;

/**
 * What {@code onewindow:status} says of one of the online channel's outgoing links (the payment gateway, the
 * real-name service): where it goes, how the other end is verified, and its last TLS failure, so that an untrusted
 * certificate or a refused plain-HTTP URL shows where district IT looks, not only in a citizen's error.
 */
public final class OutgoingLink {
    private volatile String url = "";
    private volatile PeerTrust trust = PeerTrust.trustStore(false);
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    public void configure(String url, PeerTrust trust) {
        this.url = url;
        this.trust = trust;
        lastFailure = null;
    }

    public void failed(String code, String message) {
        lastFailure = code + ": " + message;
        lastFailureAt = Instant.now();
    }

    public void succeeded() {
        lastFailure = null;
    }

    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url.isEmpty() ? "(none)" : url);
        if (!url.isEmpty()) {
            boolean https = "https".equalsIgnoreCase(URI.create(url).getScheme());
            out.put("verified by", !https ? "NOTHING: plain HTTP (a test or the demo only)"
                    : trust.isPinned() ? "pinned certificate SHA-256 " + trust.pinnedSha256() : "the trust store (the city CA)");
            if (trust.clientCertificate()) {
                out.put("client certificate", "this appliance's (mutual TLS)");
            }
        }
        String failure = lastFailure;
        if (failure != null) {
            out.put("last failure", failure + " at " + lastFailureAt);
        }
        return out;
    }
}
