package org.onewindow.metrics.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.Storage;
import org.onewindow.node.Health;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;
import org.onewindow.node.NodeService;
import org.onewindow.rest.RequestTimings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's figures for Prometheus: every REST request (told by the REST base as a {@link RequestTimings}), the JVM
 * (Micrometer's binders), and at scrape time the node's health and disk and the database's figures, read at most once
 * every {@code cacheSeconds} whoever scrapes. {@link MetricsApi} publishes them; this component does not need the
 * REST base, which needs it.
 */
@Component(service = {RequestTimings.class, Metrics.class}, immediate = true, configurationPid = MetricsConfig.PID)
@Designate(ocd = MetricsConfig.class)
public class Metrics implements RequestTimings {
    @Reference
    NodeService node;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DataSource hubDataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Storage storage;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Health health;

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private HttpRequests requests;
    private Collection collection;

    @Activate
    void activate(MetricsConfig config) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        requests = new HttpRequests(registry);
        NodeInfo info = node.info();
        Clock clock = Clock.systemUTC();
        List<Collection.Source> sources = new ArrayList<>();
        sources.add(new Collection.Source(new CaseFigures(registry), () -> dataSource));
        sources.add(new Collection.Source(new OutboxFigures(registry, clock), () -> dataSource));
        sources.add(new Collection.Source(new JournalFigures(registry), () -> dataSource));
        if (info.role == NodeRole.HUB) {
            sources.add(new Collection.Source(new HubFigures(registry, clock), () -> hubDataSource));
        } else {
            sources.add(new Collection.Source(new ReplicationFigures(registry, clock), () -> dataSource));
        }
        Path derby = Path.of(System.getProperty("karaf.data", "data"), "onewindow", "derby");
        sources.add(new Collection.Source(new DerbyFigures(registry, derby), () -> dataSource));
        collection = new Collection(registry, new NodeFigures(registry, info, () -> health, () -> storage), sources,
                config.cacheSeconds());
    }

    @Deactivate
    void deactivate() {
        gc.close();
        registry.close();
    }

    @Override
    public void record(String endpoint, String method, int status, long nanos) {
        requests.record(endpoint, method, status, nanos);
    }

    Exposition.Scrape scrape(String accept) {
        collection.refresh();
        String type = Exposition.contentType(accept);
        return new Exposition.Scrape(type, registry.scrape(type));
    }
}
