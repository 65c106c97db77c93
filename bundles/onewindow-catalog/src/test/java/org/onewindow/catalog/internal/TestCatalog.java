package org.onewindow.catalog.internal;

import javax.sql.DataSource;

import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.db.internal.TestJpa;

/**
 * The real catalog on a test database: its own migrations (with the standard licence types they bring), its
 * persistence unit, its changes recorded in the trail given. For the tests of the capabilities that read the catalog,
 * through this module's test jar.
 */
public final class TestCatalog implements AutoCloseable {
    private final TestJpa jpa;
    private final JpaCatalogService service;

    private TestCatalog(TestJpa jpa, JpaCatalogService service) {
        this.jpa = jpa;
        this.service = service;
    }

    /** The catalog on {@code ds}, migrated now; {@code ds} holds the tables of {@code trail} too, so that a change and its record are one transaction. */
    public static TestCatalog on(DataSource ds, AuditTrail trail) {
        TestDatabases.migrate(ds, JpaCatalogService.MODULE, "db/migration/catalog");
        TestJpa jpa = TestJpa.of("onewindow-catalog", ds);
        JpaCatalogService service = new JpaCatalogService();
        service.jpa = jpa;
        service.trail = trail;
        return new TestCatalog(jpa, service);
    }

    public CatalogService service() {
        return service;
    }

    @Override
    public void close() {
        jpa.close();
    }
}
