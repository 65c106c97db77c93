package org.onewindow.tls.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The settings the edge reads before Pax Web starts: Pax Web's own ({@code etc/org.ops4j.pax.web.cfg}: the HTTPS
 * port and keystore), the node's ({@code demo}) and {@code etc/org.onewindow.tls.cfg}. Read with
 * {@code listConfigurations}, which binds no configuration to this bundle.
 */
final class EdgeSettings {
    static final String PAX_WEB = "org.ops4j.pax.web";
    static final String SECURE_ENABLED = "org.osgi.service.http.secure.enabled";
    static final String SECURE_PORT = "org.osgi.service.http.port.secure";
    static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    static final String KEYSTORE_PASSWORD = "org.ops4j.pax.web.ssl.keystore.password";
    static final String KEY_PASSWORD = "org.ops4j.pax.web.ssl.key.password";
    static final String DEFAULT_KEYSTORE = "etc/onewindow/tls/appliance.p12";

    private EdgeSettings() {
    }

    static Dictionary<String, Object> read(ConfigurationAdmin admin, String pid) {
        try {
            Configuration[] found = admin == null ? null : admin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 || found[0].getProperties() == null ? new Hashtable<>() : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            return new Hashtable<>();
        }
    }

    static Configuration paxWeb(ConfigurationAdmin admin) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(service.pid=" + PAX_WEB + ")");
        return found == null || found.length == 0 ? null : found[0];
    }

    static String text(Dictionary<String, Object> d, String key, String otherwise) {
        Object v = d.get(key);
        return v == null || v.toString().isBlank() ? otherwise : v.toString().strip();
    }

    static boolean httpsEnabled(Dictionary<String, Object> web) {
        return Boolean.parseBoolean(text(web, SECURE_ENABLED, "false"));
    }

    static int securePort(Dictionary<String, Object> web) {
        return Integer.parseInt(text(web, SECURE_PORT, "8443"));
    }

    static Path keystore(Dictionary<String, Object> web) {
        return home().resolve(text(web, KEYSTORE, DEFAULT_KEYSTORE));
    }

    static Path home() {
        return Paths.get(System.getProperty("karaf.home", ".")).toAbsolutePath();
    }

    /** The edge's mode from the node's demo flag and {@code plainHttp}. */
    static HttpsEdge.Mode mode(boolean demo, String plainHttp, long hstsSeconds) {
        boolean redirect = switch (plainHttp == null ? "auto" : plainHttp.strip()) {
            case "serve" -> false;
            case "redirect" -> true;
            default -> !demo;
        };
        return new HttpsEdge.Mode(redirect, hstsSeconds);
    }

    static HttpsEdge.Mode mode(Dictionary<String, Object> node, Dictionary<String, Object> tls) {
        return mode(Boolean.parseBoolean(text(node, "demo", "false")), text(tls, "plainHttp", "auto"),
                Long.parseLong(text(tls, "hstsSeconds", "31536000")));
    }

    /** The names of the self-signed certificate: configured, else this machine's host name, localhost and 127.0.0.1. */
    static List<String> hostNames(String configured) {
        Set<String> names = new LinkedHashSet<>();
        if (configured != null && !configured.isBlank()) {
            for (String n : configured.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip());
                }
            }
            return new ArrayList<>(names);
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host != null && !host.isBlank()) {
                names.add(host);
            }
        } catch (IOException e) {
            // no resolvable host name: localhost only
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return new ArrayList<>(names);
    }
}
