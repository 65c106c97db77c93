package org.onewindow.licences.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.catalog.internal.TestCatalog;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.db.internal.TestJpa;
import org.onewindow.licences.CaseRecords;
import org.onewindow.licences.CityLicences;

/**
 * The licence library's parts on one in-memory Derby, as the appliance wires them: the library's schema and
 * persistence unit, the real change journal, audit trail and catalog (whose migrations bring the standard licence
 * types). Neither intake nor the city hub is there: the library as a hall runs it without them.
 */
final class LibraryOnDerby implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final EmbeddedDataSource ds = TestDatabases.memory("licences");
    final ChangeJournal journal;
    final AuditTrail trail;
    final TestJpa jpa;
    final TestCatalog catalog;
    final LicenceTypes types;

    LibraryOnDerby() throws IOException, SQLException {
        journal = TestDatabases.journal(ds);
        TestTrails.install(ds);
        trail = TestTrails.trail(ds);
        catalog = TestCatalog.on(ds, trail);
        TestDatabases.migrate(ds, "licences", "db/migration/licences");
        jpa = TestJpa.of("onewindow-licences", ds);
        types = new LicenceTypes(catalog.service());
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    LicenceWrites writes(int maxImportRows) {
        return new LicenceWrites(jpa, journal, types, ZONE, maxImportRows);
    }

    LicenceLookups lookups() {
        Supplier<CaseRecords> noIntake = () -> null;
        Supplier<CityLicences> noHub = () -> null;
        return new LicenceLookups(jpa, trail, types, noIntake, noHub, ZONE, 20);
    }

    /** Every licence record journaled so far, oldest first. */
    List<JournalEntry> journaled() {
        return journal.after(0, 1000);
    }

    long licences() {
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(l) FROM LicenceEntity l", Long.class).getSingleResult());
    }

    @Override
    public void close() {
        jpa.close();
        catalog.close();
    }
}
