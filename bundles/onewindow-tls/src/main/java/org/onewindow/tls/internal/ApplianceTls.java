package org.onewindow.tls.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerCertificate;
import org.onewindow.tls.PeerTrust;
import org.onewindow.tls.TlsFailures;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's TLS as the rest of it sees it: {@link OutgoingTls} for every outgoing link (the city CA's trust
 * store or a pinned certificate, this appliance's certificate as client certificate), the installation of a
 * certificate the city CA issued (reloaded by Jetty in place) and the lines of {@code onewindow:status}.
 */
@Component(immediate = true, configurationPid = TlsConfig.PID, service = {OutgoingTls.class, StatusContributor.class, ApplianceTls.class})
@Designate(ocd = TlsConfig.class)
public class ApplianceTls implements OutgoingTls, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceTls.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    @Reference
    NodeService node;

    @Reference
    ConfigurationAdmin configurations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HttpsEdge edge;

    private volatile TrustStores trustStore;
    private volatile TlsConfig config;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Activate
    @Modified
    void activate(TlsConfig config) {
        this.config = config;
        trustStore = new TrustStores(EdgeSettings.home().resolve(config.trustStore()));
        HttpsEdge e = edge;
        if (e != null) {
            e.mode(EdgeSettings.mode(node.info().demo, config.plainHttp(), config.hstsSeconds()));
        }
    }

    /** The appliance's keystore, where Pax Web is told it is. */
    ApplianceKeystore keystore() {
        return new ApplianceKeystore(EdgeSettings.keystore(EdgeSettings.read(configurations, EdgeSettings.PAX_WEB)));
    }

    @Override
    public SSLContext context(PeerTrust trust) {
        try {
            TrustManager[] trustManagers = {trust.isPinned() ? new PinningTrustManager(trust.pinnedSha256()) : trustStore.manager()};
            KeyManager[] keyManagers = trust.clientCertificate() ? keystore().keyManagers() : null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS for an outgoing link cannot be set up: " + e.getMessage(), e);
        }
    }

    @Override
    public javax.net.ssl.HostnameVerifier hostnames(PeerTrust trust) {
        return trust.isPinned() ? (host, session) -> true : null;
    }

    @Override
    public PeerCertificate peerCertificate(URI url) throws IOException {
        Capture capture = new Capture();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, new SecureRandom());
            int port = url.getPort() > 0 ? url.getPort() : 443;
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new java.net.InetSocketAddress(url.getHost(), port), 10_000);
                socket.setSoTimeout(10_000);
                socket.setEnabledProtocols(PROTOCOLS);
                socket.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        X509Certificate[] chain = capture.chain;
        if (chain == null || chain.length == 0) {
            throw new IOException("the peer at " + url + " presented no certificate");
        }
        boolean trusted;
        try {
            trustStore.manager().checkServerTrusted(chain, "UNKNOWN");
            trusted = true;
        } catch (GeneralSecurityException e) {
            trusted = false;
        }
        return new PeerCertificate(CertificateFingerprints.of(chain[0]), chain[0].getSubjectX500Principal().getName(),
                chain[0].getIssuerX500Principal().getName(), chain[0].getNotAfter().toInstant().toString(), trusted);
    }

    @Override
    public void checkScheme(String link, URI url, boolean allowHttp) {
        if ("https".equalsIgnoreCase(url.getScheme())) {
            return;
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && (allowHttp || node.info().demo)) {
            if (warned.add(link + " " + url)) {
                LOG.warn("INSECURE: {} goes to {} over plain HTTP, unverified and readable by anyone on the way (allowed for a test or"
                        + " the demo only; use https:// in a hall)", link, url);
            }
            return;
        }
        throw new IllegalArgumentException(TlsFailures.INSECURE_URL + ": " + link + " must use https:// (" + url
                + "); plain HTTP only where the link is configured as insecure for a test or the demo");
    }

    /** Installs the city CA's certificate and key and has Jetty serve it at once; the new chain. */
    public List<X509Certificate> install(List<Path> files, char[] pkcs12Password) throws Exception {
        List<X509Certificate> chain = keystore().install(files, pkcs12Password, Instant.now());
        HttpsEdge e = edge;
        int reloaded = e == null ? 0 : e.reload();
        LOG.warn("HTTPS certificate installed: {} issued by {}, valid until {}, SHA-256 {}; {} HTTPS connector(s) reloaded",
                chain.get(0).getSubjectX500Principal().getName(), chain.get(0).getIssuerX500Principal().getName(), chain.get(0).getNotAfter().toInstant(),
                CertificateFingerprints.of(chain.get(0)), reloaded);
        return chain;
    }

    @Override
    public String capability() {
        return "tls";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Dictionary<String, Object> web = EdgeSettings.read(configurations, EdgeSettings.PAX_WEB);
        out.put("https", EdgeSettings.httpsEnabled(web) ? "port " + EdgeSettings.securePort(web) : "OFF");
        HttpsEdge e = edge;
        out.put("plain HTTP", e == null ? "?" : e.mode().redirect() ? "redirected to HTTPS" : "served (demo / insecure)");
        try {
            ApplianceKeystore keystore = keystore();
            if (keystore.exists()) {
                X509Certificate c = keystore.certificate();
                boolean selfSigned = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
                out.put("certificate", c.getSubjectX500Principal().getName() + (selfSigned ? " (self-signed)" : ", issued by " + c.getIssuerX500Principal().getName()));
                out.put("valid until", c.getNotAfter().toInstant().toString());
                out.put("SHA-256", CertificateFingerprints.of(c));
            } else {
                out.put("certificate", "none yet (" + keystore.file() + ")");
            }
        } catch (IOException | GeneralSecurityException ex) {
            out.put("certificate", "unreadable: " + ex.getMessage());
        }
        out.put("trust store", trustStore.describe());
        return out;
    }

    /** Accepts whatever the peer presents, keeping it: only to show it to a person, never to send anything. */
    private static final class Capture implements X509TrustManager {
        volatile X509Certificate[] chain;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client is trusted here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            this.chain = chain;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
