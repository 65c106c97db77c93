package org.onewindow.tls;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduit;

/** The TLS of a CXF client's conduit, for the links that call out with CXF (the hub, departments' systems). */
public final class CxfLinks {

    private CxfLinks() {
    }

    /** Has {@code conduit} verify its peer as {@code trust} says (no host name check for a pinned certificate). */
    public static void secure(HTTPConduit conduit, OutgoingTls tls, PeerTrust trust) {
        TLSClientParameters params = new TLSClientParameters();
        params.setSslContext(tls.context(trust));
        params.setDisableCNCheck(trust.isPinned());
        conduit.setTlsClientParameters(params);
    }
}
