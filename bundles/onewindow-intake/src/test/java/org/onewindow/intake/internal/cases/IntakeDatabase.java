package org.onewindow.intake.internal.cases;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.citizen.IdType;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.db.internal.TestJpa;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;

/**
 * Intake's persistence unit on a fresh in-memory Derby, its schema made by its own scripts, with the real change
 * journal and, for the reads it records, the real audit trail; and cases stored in it directly, as the services leave
 * them.
 */
public final class IntakeDatabase implements AutoCloseable {
    final EmbeddedDataSource ds;
    public final ChangeJournal journal;
    public final TestJpa jpa;

    private IntakeDatabase(String name) {
        ds = TestDatabases.memory(name);
        journal = TestDatabases.journal(ds);
        TestDatabases.migrate(ds, "intake", "db/migration/intake");
        jpa = TestJpa.of("onewindow-intake", ds);
    }

    public static IntakeDatabase fresh(String name) {
        return new IntakeDatabase(name);
    }

    /** The unit and journal as a service's parts share them. */
    public IntakeUnit unit() {
        return new IntakeUnit(jpa, journal);
    }

    /** The audit trail in this database, so that a read and its record are one transaction as in the appliance. */
    public AuditTrail trail() {
        try {
            TestTrails.install(ds);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot add the audit trail's tables", e);
        }
        return TestTrails.trail(ds);
    }

    /**
     * A case of item TY-001 of the sports office (TY), taken in at the window by "clerk" from 张三 and now in
     * {@code status}, stored in a journaled transaction of its own after {@code shaped} has set what the test needs.
     */
    public CaseEntity store(String caseNo, CaseStatus status, Consumer<CaseEntity> shaped) {
        return Cases.tx(jpa, journal, em -> {
            Instant now = InstantColumns.now();
            CaseEntity c = new CaseEntity();
            c.caseNo = caseNo;
            c.itemCode = "TY-001";
            c.itemVersion = 1;
            c.itemName = "体育类民办非企业单位成立登记";
            c.departmentCode = "TY";
            c.departmentName = "区文体局";
            c.timeLimitDays = 10;
            c.channel = Channel.WINDOW;
            c.status = status;
            c.applicantIdType = IdType.RESIDENT_ID;
            c.applicantId = "11010519491231002X";
            c.applicantName = "张三";
            c.createdAt = now;
            c.createdBy = "clerk";
            c.updatedAt = now;
            shaped.accept(c);
            em.persist(c);
            return c;
        });
    }

    @Override
    public void close() {
        jpa.close();
    }
}
