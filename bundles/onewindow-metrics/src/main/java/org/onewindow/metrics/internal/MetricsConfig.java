package org.onewindow.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow metrics", description = "The Prometheus endpoint /api/v1/metrics")
public @interface MetricsConfig {
    String PID = "org.onewindow.metrics";

    @AttributeDefinition(description = "Figures read from the database are kept this many seconds, so that two scrapers do not"
            + " double the cost (default 5)")
    int cacheSeconds() default 5;

    @AttributeDefinition(name = "hubDataSource.target", description = "On a hub: the database of the hub's tables, as"
            + " dataSource.target in etc/org.onewindow.hub.cfg names it")
    String hubDataSource_target() default "(osgi.jndi.service.name=onewindow)";
}
