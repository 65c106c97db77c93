package org.onewindow.tls.internal;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.jetty.server.HttpConfiguration;
import org.onewindow.tls.CertificateFingerprints;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before Pax Web (the feature starts this bundle at start level 25, Pax Web's at 30), so that HTTPS comes up
 * with the web server, once, without a restart of it: makes the appliance's key pair and self-signed certificate
 * if the keystore Pax Web is told about does not exist yet (printing and logging its fingerprint), gives Pax Web the
 * keystore's password, and registers {@link HttpsEdge} as a Jetty customizer as soon as Pax Web's Jetty is there to
 * take it (it adds customizers to running connectors; a Jetty {@code Handler} service would restart its server). A
 * plain activator, not Declarative Services, because the keystore must exist before Pax Web starts, not whenever
 * SCR gets to it.
 */
public final class EdgeActivator implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeActivator.class);
    private static final String JETTY_FACTORY = "org.ops4j.pax.web.service.spi.ServerControllerFactory";
    private volatile ServiceRegistration<?> registration;
    private ServiceTracker<Object, Object> jetty;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = ref == null ? null : context.getService(ref);
        Dictionary<String, Object> web = EdgeSettings.read(admin, EdgeSettings.PAX_WEB);
        Dictionary<String, Object> tls = EdgeSettings.read(admin, TlsConfig.PID);
        Dictionary<String, Object> node = EdgeSettings.read(admin, "org.onewindow.node");
        if (EdgeSettings.httpsEnabled(web)) {
            try {
                prepareKeystore(admin, web, tls, node);
            } catch (Exception e) {
                LOG.error("HTTPS: the appliance's keystore could not be prepared; HTTPS will not start: {}", e.toString(), e);
            }
        } else {
            LOG.warn("HTTPS is off ({} = false in etc/org.ops4j.pax.web.cfg): the console and the API travel in plain text", EdgeSettings.SECURE_ENABLED);
        }
        HttpsEdge edge = new HttpsEdge(EdgeSettings.securePort(web), EdgeSettings.keystore(web), EdgeSettings.mode(node, tls));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000);
        // Pax Web's Jetty tracks customizers from its start, but can only take them once its factory exists
        Filter factory = context.createFilter("(" + Constants.OBJECTCLASS + "=" + JETTY_FACTORY + ")");
        jetty = new ServiceTracker<>(context, factory, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                if (registration == null) {
                    registration = context.registerService(new String[] {HttpConfiguration.Customizer.class.getName(), HttpsEdge.class.getName()},
                            edge, props);
                }
                return reference;
            }
        };
        jetty.open();
        LOG.info("HTTPS edge: HTTPS on port {}, plain HTTP {}", EdgeSettings.securePort(web),
                edge.mode().redirect() ? "redirected to HTTPS (but the health check from this machine)" : "served (demo)");
    }

    private static void prepareKeystore(ConfigurationAdmin admin, Dictionary<String, Object> web, Dictionary<String, Object> tls,
            Dictionary<String, Object> node) throws Exception {
        ApplianceKeystore keystore = new ApplianceKeystore(EdgeSettings.keystore(web));
        if (keystore.ensure(EdgeSettings.hostNames(EdgeSettings.text(tls, "hostNames", "")), EdgeSettings.text(node, "districtName", null))) {
            String fingerprint = CertificateFingerprints.of(keystore.certificate());
            String message = "OneWindow made its own HTTPS certificate (self-signed) for " + EdgeSettings.hostNames(EdgeSettings.text(tls, "hostNames", ""))
                    + " in " + keystore.file() + "; its SHA-256 fingerprint is " + fingerprint
                    + ". Compare it in the browser the first time, or install the city CA's certificate: onewindow:tls-install";
            System.out.println(message);
            LOG.warn(message);
        }
        String password = keystore.password();
        Configuration config = EdgeSettings.paxWeb(admin);
        if (config != null && (!password.equals(EdgeSettings.text(web, EdgeSettings.KEYSTORE_PASSWORD, ""))
                || !password.equals(EdgeSettings.text(web, EdgeSettings.KEY_PASSWORD, "")))) {
            Dictionary<String, Object> updated = config.getProperties();
            updated.put(EdgeSettings.KEYSTORE_PASSWORD, password);
            updated.put(EdgeSettings.KEY_PASSWORD, password);
            config.update(updated);
            LOG.info("HTTPS: Pax Web told the password of {}", keystore.file());
        }
        // the file now holds the keystore's password (felix.fileinstall writes the configuration back)
        Object file = web.get("felix.fileinstall.filename");
        if (file != null) {
            Path cfg = file.toString().startsWith("file:") ? Paths.get(URI.create(file.toString())) : Paths.get(file.toString());
            PrivateFiles.ownerOnly(cfg);
        }
    }

    @Override
    public void stop(BundleContext context) {
        jetty.close();
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
