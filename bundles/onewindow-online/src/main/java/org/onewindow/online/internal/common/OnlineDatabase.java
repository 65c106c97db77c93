package org.onewindow.online.internal.common;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The online channel's tables (migrated before anyone uses them) and its one way to a transaction. */
@Component(service = OnlineDatabase.class)
public class OnlineDatabase {
    @Reference(target = "(osgi.unit.name=onewindow-online)")
    JpaTemplate jpa;

    /** Where every change of a binding, every staff read of one and every sign-in is recorded, in its own transaction. */
    @Reference
    AuditTrail trail;

    @Reference
    SchemaMigrations migrations;

    int schemaVersion;

    @Activate
    void activate(BundleContext context) {
        schemaVersion = migrations.migrate("online", context.getBundle(), "db/migration/online");
    }

    public AuditTrail trail() {
        return trail;
    }

    public <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
