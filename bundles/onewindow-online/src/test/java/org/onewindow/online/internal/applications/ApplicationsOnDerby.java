package org.onewindow.online.internal.applications;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.catalog.internal.TestCatalog;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.db.internal.TestJpa;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.Citizen;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.common.TestOnlineDatabase;

/** The online channel's tables and persistence unit on an in-memory Derby, and the real catalog there when a test asks for it. */
final class ApplicationsOnDerby implements AutoCloseable {
    static final Citizen ZHANG = new Citizen("11010519491231002X", "13900139000");
    static final Citizen LI = new Citizen("441302199003071238", "13312345678");
    final EmbeddedDataSource ds = TestDatabases.memory("online");
    final TestJpa jpa;
    final ApplicationRecords records;
    private TestCatalog catalog;

    ApplicationsOnDerby() {
        TestDatabases.migrate(ds, "online", "db/migration/online");
        jpa = TestJpa.of("onewindow-online", ds);
        records = new ApplicationRecords(TestOnlineDatabase.on(jpa));
    }

    /** The catalog on the same database, with its changes on the real trail. */
    TestCatalog catalog() throws IOException, SQLException {
        if (catalog == null) {
            TestTrails.install(ds);
            catalog = TestCatalog.on(ds, TestTrails.trail(ds));
        }
        return catalog;
    }

    /** An application of {@code citizen}'s, stored in {@code state}, made at {@code createdAt} (ms since the epoch). */
    ApplicationEntity stored(String caseNo, Citizen citizen, ApplicationState state, long createdAt) {
        ApplicationEntity a = new ApplicationEntity();
        a.caseNo = caseNo;
        a.citizenId = citizen.idNumber();
        a.applicantName = "张三";
        a.itemCode = "ONLINE-001";
        a.state = state;
        a.deliveryMethod = ApplicationEntity.WINDOW;
        a.createdAt = Instant.ofEpochMilli(createdAt);
        a.submittedAt = state == ApplicationState.DRAFT ? null : Instant.ofEpochMilli(createdAt + 60_000);
        records.add(a);
        return a;
    }

    @Override
    public void close() {
        jpa.close();
        if (catalog != null) {
            catalog.close();
        }
    }
}
