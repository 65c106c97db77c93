package org.onewindow.access.internal;

import javax.sql.DataSource;

import org.onewindow.access.internal.events.LegacyAccessEvents;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Staff access's tables in the appliance's database, migrated before anyone uses them (the access log's old rows moved into the audit trail). */
@Component(service = AccessDatabase.class)
public class AccessDatabase {
    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Reference
    AuditTrail trail;

    @Activate
    void activate(BundleContext context) {
        migrations.migrate(dataSource, "access", context.getBundle(), "db/migration/access");
        LegacyAccessEvents.move(dataSource, trail);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
