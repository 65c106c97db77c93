package org.onewindow.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.onewindow.access.StaffLogins;
import org.onewindow.db.Storage;
import org.onewindow.rest.Json;
import org.onewindow.rest.RequestTimings;
import org.onewindow.rest.RestPublisher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Publishes resources as CXF JAX-RS servers under CXF's OSGi servlet ({@code /api}). */
@Component(service = RestPublisher.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class CxfRestPublisher implements RestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(CxfRestPublisher.class);

    /** Every caller is checked through it: without it nothing is published, so nothing answers unchecked. */
    @Reference
    StaffLogins logins;

    /**
     * Told of every request (the metrics); dynamic, so that one coming or going does not restart this component and
     * with it every publication.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    final List<RequestTimings> timings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The disk under the database: a request is refused while it is full or read-only (StorageGuard), not answered 500. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Storage storage;

    private StaffAccess access;
    private Sessions sessions;
    private Publication session;
    private Publication unknown;
    private final UploadFolders uploads = UploadFolders.inTemporaryFolder();
    /** Publications by address: one address may be published by more than one at a time while a component restarts. */
    private final ConcurrentHashMap<String, Integer> published = new ConcurrentHashMap<>();

    /**
     * A changed configuration restarts the component (no {@code @Modified}): every capability
     * publishes again, and open console sessions end.
     */
    @Activate
    void activate(RestConfig config) {
        access = new StaffAccess(logins);
        sessions = new Sessions(Duration.ofMinutes(config.sessionIdleMinutes()));
        session = publish("/v1/session", new SessionResource(access, sessions));
        unknown = publish("/", List.of(new UnknownPaths.Refusal()), new UnknownPaths());
        uploads.sweep();
    }

    @Deactivate
    void deactivate() {
        unknown.close();
        session.close();
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
        List<Object> all = new ArrayList<>(List.of(new Timing(address, timings), new JacksonJsonProvider(Json.requests()), new ProblemExceptionMapper(this::storage),
                new SecurityHeaders(), new StorageGuard(this::storage), new AccessFilter(access, sessions), uploads));
        all.addAll(providers);
        factory.setProviders(all);
        // a client's mistake is answered and logged in one line where it is refused, never with CXF's stack trace
        factory.getProperties(true).put(FaultListener.class.getName(), new QuietFaults());
        factory.setServiceBeans(List.of(resources));
        Server server = factory.create();
        published.merge(address, 1, Integer::sum);
        LOG.info("REST resources published at {}", address);
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                published.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
                server.destroy();
                LOG.info("REST resources at {} withdrawn", address);
            }
        };
    }

    private Storage storage() {
        return storage;
    }

    @Override
    public Set<String> addresses() {
        return Set.copyOf(published.keySet());
    }
}
