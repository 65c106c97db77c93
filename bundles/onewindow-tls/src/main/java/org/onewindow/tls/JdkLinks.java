package org.onewindow.tls;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The JDK's {@link HttpClient} for the links that call out with it (the payment gateway, the real-name service). */
public final class JdkLinks {

    private JdkLinks() {
    }

    /** A client for {@code url}: over HTTPS verifying the peer as {@code trust} says; over plain HTTP a plain one. */
    public static HttpClient client(OutgoingTls tls, URI url, PeerTrust trust, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if ("https".equalsIgnoreCase(url.getScheme())) {
            builder.sslContext(tls.context(trust));
        }
        return builder.build();
    }
}
