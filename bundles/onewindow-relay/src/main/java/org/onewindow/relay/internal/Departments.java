package org.onewindow.relay.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured department routes by code; a change of configuration takes effect at the next handover. */
@Component(service = Departments.class)
public class Departments {
    private static final Logger LOG = LoggerFactory.getLogger(Departments.class);
    private final Map<String, DepartmentRoute> routes = new ConcurrentHashMap<>();

    void put(DepartmentRoute route) {
        DepartmentRoute before = routes.put(route.code, route);
        LOG.info("Department route {}{}", route, before == null ? "" : " (was " + before + ")");
    }

    void remove(DepartmentRoute route) {
        routes.remove(route.code, route);
    }

    /** The route of a department, or null while none is configured. */
    DepartmentRoute get(String code) {
        return routes.get(code);
    }

    Map<String, DepartmentRoute> all() {
        return new TreeMap<>(routes);
    }
}
