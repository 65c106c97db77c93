package org.onewindow.intake.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.db.internal.TestJpa;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverState;
import org.onewindow.citizen.IdType;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/** The outbox of handovers on an in-memory Derby: attempts, retries and a withdrawal that comes in between. */
public class JpaHandoverOutboxTest {
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
    private TestJpa jpa;
    private JpaHandoverOutbox outbox;
    private final ExecutorService relay = Executors.newSingleThreadExecutor();

    @Before
    public void freshDatabase() {
        EmbeddedDataSource ds = TestDatabases.memory("outbox");
        outbox = new JpaHandoverOutbox();
        outbox.journal = TestDatabases.journal(ds);
        TestDatabases.migrate(ds, "intake", "db/migration/intake");
        jpa = TestJpa.of("onewindow-intake", ds);
        outbox.jpa = jpa;
    }

    @After
    public void close() {
        relay.shutdownNow();
        jpa.close();
    }

    @Test
    public void failedAttemptsRetryThenDie() {
        long id = accepted("441302-20261207-0001");
        HandoverDTO retrying = outbox.failed(id, "department system unreachable", Instant.now().plusSeconds(60));
        assertEquals(HandoverState.RETRYING, retrying.state);
        assertEquals(1, retrying.attempts);
        assertTrue(outbox.due(Instant.now(), 10).isEmpty());
        assertEquals(1, outbox.due(Instant.now().plusSeconds(61), 10).size());
        HandoverDTO dead = outbox.failed(id, "department system unreachable", null);
        assertEquals(HandoverState.DEAD, dead.state);
        assertEquals(2, dead.attempts);
        HandoverDTO again = outbox.retry(id, ADMIN);
        assertEquals(HandoverState.PENDING, again.state);
        assertEquals(0, again.attempts);
        assertEquals(dead.deliveryKey, again.deliveryKey);
    }

    @Test
    public void aWithdrawalWhileTheRelayRecordsAFailedAttemptLeavesTheHandoverCancelled() throws Exception {
        long id = accepted("441302-20261207-0002");
        TestJpa.Pause read = jpa.pauseAfterFind(HandoverEntity.class);
        Future<HandoverDTO> attempt = relay.submit(() -> outbox.failed(id, "department system unreachable", Instant.now().plusSeconds(5)));
        assertTrue("the relay read the handover", read.awaitReached());
        withdraw("441302-20261207-0002");
        read.release();
        attempt.get(30, TimeUnit.SECONDS);
        assertEquals("the relay's attempt wrote back a state the withdrawal had replaced", HandoverState.CANCELLED, state(id));
    }

    @Test
    public void aWithdrawalWhileAnAdministratorRetriesLeavesTheHandoverCancelled() throws Exception {
        long id = accepted("441302-20261207-0003");
        outbox.failed(id, "department system unreachable", null);
        TestJpa.Pause read = jpa.pauseAfterFind(HandoverEntity.class);
        Future<HandoverDTO> retry = relay.submit(() -> outbox.retry(id, ADMIN));
        assertTrue("the retry read the handover", read.awaitReached());
        withdraw("441302-20261207-0003");
        read.release();
        try {
            retry.get(30, TimeUnit.SECONDS);
            fail("a cancelled handover is not retried");
        } catch (ExecutionException e) {
            assertEquals("NOT_RETRYABLE", ((Problem) e.getCause()).code());
        }
        assertEquals("a withdrawn case would be handed over again", HandoverState.CANCELLED, state(id));
    }

    /** A case accepted at the window with its handover pending, as the acceptance commits them. */
    private long accepted(String caseNo) {
        return Cases.tx(jpa, outbox.journal, em -> {
            Date now = new Date();
            CaseEntity c = new CaseEntity();
            c.caseNo = caseNo;
            c.itemCode = "TY-001";
            c.itemVersion = 1;
            c.itemName = "体育类民办非企业单位成立登记";
            c.departmentCode = "TY";
            c.departmentName = "区文体局";
            c.timeLimitDays = 10;
            c.channel = Channel.WINDOW;
            c.status = CaseStatus.ACCEPTED;
            c.applicantIdType = IdType.RESIDENT_ID;
            c.applicantId = "11010519491231002X";
            c.applicantName = "张三";
            c.createdAt = now;
            c.createdBy = "clerk";
            c.updatedAt = now;
            em.persist(c);
            HandoverEntity h = HandoverEntity.of(c, HandoverEntity.CASE, now);
            em.persist(h);
            em.flush();
            return h.id;
        });
    }

    /** The window's withdrawal of a case as {@code JpaIntakeService.transition} makes it: the case locked, its open handovers cancelled. */
    private void withdraw(String caseNo) {
        Cases.tx(jpa, outbox.journal, em -> {
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            Date now = new Date();
            Cases.cancelOpenHandovers(em, caseNo, now);
            em.persist(CaseHistoryEntity.of(c, c.status, CaseStatus.WITHDRAWN, "clerk", now, null));
            c.status = CaseStatus.WITHDRAWN;
            c.updatedAt = now;
            return null;
        });
    }

    private HandoverState state(long id) {
        return jpa.txExpr(em -> em.find(HandoverEntity.class, id).state);
    }
}
