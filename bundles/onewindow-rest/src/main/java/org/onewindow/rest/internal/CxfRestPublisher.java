package org.onewindow.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.cxf.BusFactory;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.onewindow.rest.Json;
import org.onewindow.rest.RestPublisher;
import org.onewindow.security.LoginLocks;
import org.onewindow.security.UserStores;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Publishes resources as CXF JAX-RS servers under CXF's OSGi servlet ({@code /api}). */
@Component(service = {RestPublisher.class, LoginLocks.class}, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class CxfRestPublisher implements RestPublisher, LoginLocks {
    private static final Logger LOG = LoggerFactory.getLogger(CxfRestPublisher.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    private Logins logins;
    private LoginGuard guard;
    private Sessions sessions;
    private Publication session;

    /**
     * A changed configuration restarts the component (no {@code @Modified}): every capability
     * publishes again with the new realm and limits, and open console sessions end.
     */
    @Activate
    void activate(RestConfig config) {
        String realm = config.realm();
        guard = new LoginGuard(config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes()));
        logins = new Logins(new JaasAuthenticator(realm), guard, name -> exists(realm, name), Clock.systemUTC());
        sessions = new Sessions(Duration.ofMinutes(config.sessionIdleMinutes()));
        session = publish("/v1/session", new SessionResource(logins, sessions));
    }

    @Deactivate
    void deactivate() {
        session.close();
    }

    @Override
    public Instant lockedUntil(String user) {
        return guard.lockedUntil(user, Instant.now());
    }

    @Override
    public void unlock(String user) {
        guard.succeeded(user);
        LOG.info("Account {} unlocked", user);
    }

    /** Whether the realm has the user; when its store cannot be read, every name counts as existing. */
    private boolean exists(String realm, String name) {
        BackingEngine store = UserStores.of(realm, realms, engines);
        return store == null || store.lookupUser(name) != null;
    }

    @Override
    public Publication publish(String address, Object... resources) {
        return publish(address, List.of(), resources);
    }

    @Override
    public Publication publish(String address, List<?> providers, Object... resources) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(address);
        List<Object> all = new ArrayList<>(List.of(new JacksonJsonProvider(Json.mapper()), new ProblemExceptionMapper(), new SecurityHeaders(),
                new AccessFilter(logins, sessions)));
        all.addAll(providers);
        factory.setProviders(all);
        factory.setServiceBeans(List.of(resources));
        Server server = factory.create();
        LOG.info("REST resources published at {}", address);
        return () -> {
            server.destroy();
            LOG.info("REST resources at {} withdrawn", address);
        };
    }
}
