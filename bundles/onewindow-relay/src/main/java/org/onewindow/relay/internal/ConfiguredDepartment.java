package org.onewindow.relay.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One department's route from its factory configuration, registered with the {@link Departments}. */
@Component(configurationPid = DepartmentConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = DepartmentConfig.class, factory = true)
public class ConfiguredDepartment {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDepartment.class);

    @Reference
    Departments departments;

    private DepartmentRoute route;

    @Activate
    void activate(DepartmentConfig config) {
        try {
            route = DepartmentRoute.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Department route refused ({}): its cases wait in the outbox until the configuration is fixed", e.getMessage());
            return;
        }
        departments.put(route);
    }

    @Deactivate
    void deactivate() {
        if (route != null) {
            departments.remove(route);
        }
    }
}
