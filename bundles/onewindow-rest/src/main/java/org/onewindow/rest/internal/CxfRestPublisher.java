package org.onewindow.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.onewindow.rest.Json;
import org.onewindow.rest.RestPublisher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Publishes resources as CXF JAX-RS servers under CXF's OSGi servlet ({@code /api}). */
@Component(service = RestPublisher.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class CxfRestPublisher implements RestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(CxfRestPublisher.class);

    private Logins logins;
    private Sessions sessions;
    private Publication session;

    /**
     * A changed configuration restarts the component (no {@code @Modified}): every capability
     * publishes again with the new realm and limits, and open console sessions end.
     */
    @Activate
    void activate(RestConfig config) {
        logins = new Logins(new JaasAuthenticator(config.realm()),
                new LoginGuard(config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes())), Clock.systemUTC());
        sessions = new Sessions(Duration.ofMinutes(config.sessionIdleMinutes()));
        session = publish("/v1/session", new SessionResource(logins, sessions));
    }

    @Deactivate
    void deactivate() {
        session.close();
    }

    @Override
    public Publication publish(String address, Object... resources) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(address);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ProblemExceptionMapper(), new SecurityHeaders(),
                new AccessFilter(logins, sessions)));
        factory.setServiceBeans(List.of(resources));
        Server server = factory.create();
        LOG.info("REST resources published at {}", address);
        return () -> {
            server.destroy();
            LOG.info("REST resources at {} withdrawn", address);
        };
    }
}
