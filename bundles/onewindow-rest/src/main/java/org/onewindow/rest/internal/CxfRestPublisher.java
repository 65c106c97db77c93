package org.onewindow.rest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.onewindow.rest.Json;
import org.onewindow.rest.RestPublisher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Publishes resources as CXF JAX-RS servers under CXF's OSGi servlet ({@code /api}). Resources
 * published at the same address by different bundles are served together by one server, rebuilt
 * when one of them comes or goes: so a capability can add paths under another's address, as
 * scanning does under {@code /v1/cases}.
 */
@Component(service = RestPublisher.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class CxfRestPublisher implements RestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(CxfRestPublisher.class);

    private volatile Authenticator authenticator;
    private final Map<String, List<Object[]>> published = new HashMap<>();
    private final Map<String, Server> servers = new HashMap<>();

    @Activate
    @Modified
    void configure(RestConfig config) {
        authenticator = new JaasAuthenticator(config.realm());
    }

    @Deactivate
    synchronized void deactivate() {
        servers.values().forEach(Server::destroy);
        servers.clear();
        published.clear();
    }

    @Override
    public synchronized Publication publish(String address, Object... resources) {
        Object[] group = resources.clone();
        published.computeIfAbsent(address, a -> new ArrayList<>()).add(group);
        rebuild(address);
        return () -> withdraw(address, group);
    }

    private synchronized void withdraw(String address, Object[] group) {
        List<Object[]> groups = published.get(address);
        if (groups == null || !groups.remove(group)) {
            return;
        }
        if (groups.isEmpty()) {
            published.remove(address);
        }
        rebuild(address);
    }

    private void rebuild(String address) {
        Server old = servers.remove(address);
        if (old != null) {
            old.destroy();
        }
        List<Object[]> groups = published.get(address);
        if (groups == null) {
            LOG.info("REST resources at {} withdrawn", address);
            return;
        }
        List<Object> beans = new ArrayList<>();
        groups.forEach(g -> beans.addAll(List.of(g)));
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(address);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ProblemExceptionMapper(),
                new AccessFilter((user, password) -> authenticator.authenticate(user, password))));
        factory.setServiceBeans(beans);
        servers.put(address, factory.create());
        LOG.info("REST resources published at {}: {}", address, beans.stream().map(b -> b.getClass().getSimpleName()).toList());
    }
}
