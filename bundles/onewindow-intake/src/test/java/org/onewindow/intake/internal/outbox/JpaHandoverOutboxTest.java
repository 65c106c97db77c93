package org.onewindow.intake.internal.outbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.internal.TestJpa;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverState;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeDatabase;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;

/** The outbox of handovers on an in-memory Derby: attempts, retries and a withdrawal that comes in between. */
public class JpaHandoverOutboxTest {
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
    private IntakeDatabase db;
    private TestJpa jpa;
    private JpaHandoverOutbox outbox;
    private final ExecutorService relay = Executors.newSingleThreadExecutor();

    @Before
    public void freshDatabase() {
        db = IntakeDatabase.fresh("outbox");
        jpa = db.jpa;
        outbox = new JpaHandoverOutbox();
        outbox.journal = db.journal;
        outbox.jpa = jpa;
    }

    @After
    public void close() {
        relay.shutdownNow();
        db.close();
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
        db.store(caseNo, CaseStatus.ACCEPTED, c -> { });
        return Cases.tx(jpa, outbox.journal, em -> {
            HandoverEntity h = HandoverEntity.of(Cases.find(em, caseNo), HandoverEntity.CASE, InstantColumns.now());
            em.persist(h);
            em.flush();
            return h.id;
        });
    }

    /** The window's withdrawal of a case as {@code JpaIntakeService.transition} makes it: the case locked, its open handovers cancelled. */
    private void withdraw(String caseNo) {
        Cases.tx(jpa, outbox.journal, em -> {
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            Instant now = InstantColumns.now();
            JpaHandoverOutbox.cancelOpen(em, caseNo, now);
            em.persist(c.moveTo(CaseStatus.WITHDRAWN, "clerk", now, null));
            return null;
        });
    }

    private HandoverState state(long id) {
        return jpa.txExpr(em -> em.find(HandoverEntity.class, id).state);
    }
}
