package org.onewindow.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.internal.TestClock;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.problem.Problem;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.TransferDTO;
import org.onewindow.queue.WindowState;
import org.onewindow.queue.internal.floor.DemoHall;
import org.onewindow.security.Actor;

/** The queue on an in-memory Derby with its own migrations: numbers, the one-ticket rule, calls, transfers, the day's end. */
public class JdbcQueueTest {
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
    private static final Actor KIOSK = new Actor("kiosk", Set.of());
    private static final String ID = "11010519491231002X";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T01:00:00Z"));
    private JdbcQueue queue;

    /** A clock the test moves. */
    @Before
    public void hall() {
        queue = hall("queue", clock);
    }

    /** A queue on a new in-memory database with the demo hall's groups and windows. */
    static JdbcQueue hall(String database, Clock clock) {
        JdbcQueue queue = new JdbcQueue();
        queue.dataSource = TestDatabases.memory(database);
        TestDatabases.migrate(queue.dataSource, "queue", "db/migration/queue");
        queue.clock = clock;
        queue.configure("Asia/Shanghai", 8, 8);
        queue.alerts(20, 40);
        for (var g : DemoHall.GROUPS) {
            queue.saveGroup(g, ADMIN);
        }
        for (int i = 0; i < DemoHall.WINDOWS.size(); i++) {
            queue.saveWindow(i + 1, DemoHall.WINDOWS.get(i), ADMIN);
        }
        return queue;
    }

    private static Actor clerk(String name) {
        return new Actor(name, Set.of(Actor.CLERK));
    }

    private TicketDTO take(String group) {
        return queue.take(new NewTicketDTO(group, null, null, null), TicketSource.KIOSK, KIOSK);
    }

    @Test
    public void numbersCountUpPerGroupAndRestartTheNextDay() {
        assertEquals("A001", take("GENERAL").number());
        assertEquals("A002", take("GENERAL").number());
        assertEquals("B001", take("PROPERTY").number());
        clock.pass(Duration.ofHours(23)); // past midnight in Shanghai
        assertEquals("A001", take("GENERAL").number());
    }

    @Test
    public void aTicketIsToldHowManyWaitBeforeItAndForHowLong() {
        take("GENERAL");
        take("GENERAL");
        TicketDTO third = take("GENERAL");
        assertEquals(2, third.ahead());
        // nobody signed in at a general window yet: one window's pace, 8 minutes each
        assertEquals(16, third.estimatedWaitMinutes());
        queue.signIn(2, clerk("li"));
        queue.signIn(3, clerk("wang"));
        assertEquals(8, queue.publicTicket("A003").estimatedWaitMinutes());
    }

    @Test
    public void oneIdNumberHoldsOneWaitingTicketPerGroup() {
        TicketDTO first = queue.take(new NewTicketDTO("GENERAL", null, ID, "13800138000"), TicketSource.KIOSK, KIOSK);
        assertEquals("110105********002X", first.citizen());
        assertTrue(first.mobileGiven());
        try {
            queue.take(new NewTicketDTO("GENERAL", null, ID.toLowerCase(), null), TicketSource.KIOSK, KIOSK);
            fail("a second waiting ticket in the group");
        } catch (Problem e) {
            assertEquals("ALREADY_WAITING", e.code());
        }
        // another group is fine; and once served, the same group again
        queue.take(new NewTicketDTO("PROPERTY", null, ID, null), TicketSource.KIOSK, KIOSK);
        queue.signIn(2, clerk("li"));
        assertEquals("A001", queue.callNext(clerk("li")).number());
        queue.finish(clerk("li"));
        assertEquals("A002", queue.take(new NewTicketDTO("GENERAL", null, ID, null), TicketSource.KIOSK, KIOSK).number());
    }

    @Test
    public void badInputIsRefusedWithItsCodeAndNothingIsWritten() {
        for (NewTicketDTO bad : List.of(new NewTicketDTO(null, null, null, null), new NewTicketDTO("GENERAL", null, "123", null),
                new NewTicketDTO("GENERAL", null, null, "12345"), new NewTicketDTO("NOPE", null, null, null))) {
            try {
                queue.take(bad, TicketSource.KIOSK, KIOSK);
                fail(bad.toString());
            } catch (Problem e) {
                assertTrue(e.code(), Set.of("INVALID_TICKET", "INVALID_ID_NUMBER", "GROUP_NOT_FOUND").contains(e.code()));
            }
        }
        assertEquals("A001", take("GENERAL").number());
    }

    @Test
    public void aGroupsLetterIsItsOwnAndABadGroupIsRefusedWithItsCode() {
        try {
            queue.saveGroup(new org.onewindow.queue.QueueGroupDTO("TAX", "A", "税务", false, List.of("SW"), List.of()), ADMIN);
            fail("a second group with the letter A");
        } catch (Problem e) {
            assertEquals("GROUP_PREFIX_TAKEN", e.code());
        }
        // a group keeps its own letter when it is changed
        assertEquals("综合窗口", queue.saveGroup(new org.onewindow.queue.QueueGroupDTO("GENERAL", "A", "综合窗口", false, List.of(), List.of()),
                ADMIN).name());
        try {
            queue.saveGroup(new org.onewindow.queue.QueueGroupDTO("TAX", "a", "税务", false, List.of(), List.of()), ADMIN);
            fail();
        } catch (Problem e) {
            assertEquals("INVALID_GROUP", e.code());
        }
    }

    @Test
    public void theDeskTakesNumbersOnlyForAClerk() {
        try {
            queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.DESK, new Actor("sup", Set.of(Actor.SUPERVISOR)));
            fail();
        } catch (Problem e) {
            assertEquals("FORBIDDEN", e.code());
        }
        assertEquals(TicketSource.DESK, queue.take(new NewTicketDTO("GENERAL", null, null, null), TicketSource.DESK, clerk("desk")).source());
    }

    @Test
    public void aWindowCallsItsGroupsPriorityFirstAndTheCallReachesTheBoard() {
        take("GENERAL");
        clock.pass(Duration.ofMinutes(1));
        take("PRIORITY");
        queue.signIn(1, clerk("li")); // window 1 serves GENERAL and PRIORITY
        TicketDTO first = queue.callNext(clerk("li"));
        assertEquals("V001", first.number());
        assertEquals(TicketStatus.CALLED, first.status());
        assertEquals(Integer.valueOf(1), first.window());
        var board = queue.board(0);
        assertEquals("V001", board.calls().get(0).number());
        assertEquals(1, board.calls().get(0).window());
        assertEquals("V001", board.windows().get(0).currentNumber());
        // calling on finishes the one before
        assertEquals("A001", queue.callNext(clerk("li")).number());
        assertEquals(TicketStatus.DONE, queue.publicTicket("V001").status());
        try {
            queue.callNext(clerk("li"));
            fail("nobody waits");
        } catch (Problem e) {
            assertEquals("NO_TICKET_WAITING", e.code());
        }
        assertEquals(TicketStatus.DONE, queue.publicTicket("A001").status());
    }

    @Test
    public void aPausedWindowCallsNobodyAndASecondClerkCannotTakeIt() {
        take("GENERAL");
        queue.signIn(2, clerk("li"));
        try {
            queue.signIn(2, clerk("wang"));
            fail();
        } catch (Problem e) {
            assertEquals("WINDOW_TAKEN", e.code());
        }
        assertEquals(WindowState.PAUSED, queue.pause(clerk("li")).state());
        try {
            queue.callNext(clerk("li"));
            fail();
        } catch (Problem e) {
            assertEquals("WINDOW_PAUSED", e.code());
        }
        queue.resume(clerk("li"));
        assertEquals("A001", queue.callNext(clerk("li")).number());
        try {
            queue.callNext(clerk("nobody"));
            fail();
        } catch (Problem e) {
            assertEquals("NOT_AT_A_WINDOW", e.code());
        }
    }

    @Test
    public void ofTwoClerksSigningInAtOneWindowAtOnceOneGetsIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            int window = 2 + round % 2;
            Actor a = clerk("a" + round);
            Actor b = clerk("b" + round);
            CountDownLatch go = new CountDownLatch(1);
            List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<Thread> both = new ArrayList<>();
            for (Actor who : List.of(a, b)) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        queue.signIn(window, who);
                        outcomes.add("in");
                    } catch (Problem e) {
                        outcomes.add(e.code());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                both.add(t);
            }
            go.countDown();
            for (Thread t : both) {
                t.join(30_000);
            }
            java.util.Collections.sort(outcomes);
            assertEquals(List.of("WINDOW_TAKEN", "in"), outcomes);
            String holder = queue.windows().get(window - 1).clerk();
            assertTrue(holder, holder.equals(a.name()) || holder.equals(b.name()));
            queue.signOut(new Actor(holder, Set.of(Actor.CLERK)));
        }
    }

    @Test
    public void aClerkMovingToAnotherWindowLeavesTheFirstClosed() {
        queue.signIn(2, clerk("li"));
        queue.signIn(3, clerk("li"));
        var windows = queue.windows();
        assertEquals(WindowState.CLOSED, windows.get(1).state());
        assertNull(windows.get(1).clerk());
        assertEquals("li", windows.get(2).clerk());
    }

    @Test
    public void aNoShowIsReQueuedOnceAtTheBack() {
        take("GENERAL");
        take("GENERAL");
        queue.signIn(2, clerk("li"));
        TicketDTO missed = queue.callNext(clerk("li"));
        assertEquals(2, queue.recall(clerk("li")).calls());
        assertEquals(TicketStatus.NO_SHOW, queue.noShow(clerk("li")).status());
        clock.pass(Duration.ofMinutes(5));
        take("GENERAL"); // A003 came before the missed one's return
        clock.pass(Duration.ofMinutes(1));
        TicketDTO back = queue.requeue(missed.id(), clerk("desk"));
        assertTrue(back.requeued());
        assertEquals(TicketStatus.WAITING, back.status());
        assertEquals("A002", queue.callNext(clerk("li")).number());
        assertEquals("A003", queue.callNext(clerk("li")).number());
        assertEquals("A001", queue.callNext(clerk("li")).number());
        queue.noShow(clerk("li"));
        try {
            queue.requeue(missed.id(), clerk("desk"));
            fail("re-queued twice");
        } catch (Problem e) {
            assertEquals("NOT_REQUEUEABLE", e.code());
        }
    }

    @Test
    public void aTransferKeepsTheTicketsPlaceInTheOtherQueue() {
        take("GENERAL");
        clock.pass(Duration.ofMinutes(10));
        take("PROPERTY");
        queue.signIn(2, clerk("li"));
        queue.signIn(4, clerk("zhao")); // PROPERTY
        queue.callNext(clerk("li"));
        TicketDTO moved = queue.transfer(new TransferDTO("PROPERTY", null, "需补不动产登记"), clerk("li"));
        assertEquals("PROPERTY", moved.group());
        assertEquals("A001", moved.number());
        assertEquals("需补不动产登记", moved.note());
        // it was taken before B001, so it is called first there
        assertEquals("A001", queue.callNext(clerk("zhao")).number());
        // to one window: only that window calls it
        queue.transfer(new TransferDTO(null, 6, null), clerk("zhao"));
        queue.signIn(5, clerk("sun")); // PROPERTY too, but not window 6
        assertEquals("B001", queue.callNext(clerk("sun")).number());
        queue.signIn(6, clerk("qian")); // SOCIAL only: still calls the ticket sent to it
        assertEquals("A001", queue.callNext(clerk("qian")).number());
    }

    @Test
    public void theDaysWaitingTicketsAreNotCalledTheNextDay() {
        take("GENERAL");
        clock.pass(Duration.ofHours(23));
        queue.signIn(2, clerk("li"));
        try {
            queue.callNext(clerk("li"));
            fail("yesterday's ticket called");
        } catch (Problem e) {
            assertEquals("NO_TICKET_WAITING", e.code());
        }
    }

    @Test
    public void aHallScreenWaitingForTheBoardIsWokenByTheCall() throws Exception {
        take("GENERAL");
        queue.signIn(2, clerk("li"));
        long seen = queue.board(0).version();
        java.util.concurrent.CompletableFuture<org.onewindow.queue.HallBoardDTO> screen = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return queue.boardAfter(seen, 8, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse("nothing changed yet", screen.isDone());
        queue.callNext(clerk("li"));
        var board = screen.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("A001", board.calls().get(0).number());
        assertTrue(board.version() != seen);
        // nothing changes: the poll ends after its wait with the same board
        long began = System.nanoTime();
        assertEquals(board.version(), queue.boardAfter(board.version(), 8, 200).version());
        assertTrue(System.nanoTime() - began >= 190_000_000L);
    }

    @Test
    public void theManagerSeesTheDaysFiguresAndAWaitPastItsThresholdTurnsRed() {
        take("GENERAL");
        queue.signIn(2, clerk("li"));
        clock.pass(Duration.ofMinutes(5));
        queue.callNext(clerk("li"));
        clock.pass(Duration.ofMinutes(7));
        queue.finish(clerk("li"));
        take("GENERAL");
        clock.pass(Duration.ofMinutes(41));
        Actor supervisor = new Actor("sup", Set.of(Actor.SUPERVISOR));
        var general = queue.figures(supervisor).groups().stream().filter(g -> g.code().equals("GENERAL")).findFirst().orElseThrow();
        assertEquals(1, general.waiting());
        assertEquals(41, general.longestWaitMinutes());
        assertEquals(Integer.valueOf(5), general.averageWaitMinutes());
        assertEquals(Integer.valueOf(7), general.averageServiceMinutes());
        assertEquals(1, general.windowsOpen());
        assertEquals(org.onewindow.queue.QueueFiguresDTO.WaitAlert.RED, general.alert());
        try {
            queue.figures(clerk("li"));
            fail("a clerk reads no figures");
        } catch (Problem e) {
            assertEquals("FORBIDDEN", e.code());
        }
    }

    @Test
    public void twentyWindowsCallingAtOnceNeverCallATicketTwiceNorSkipOne() throws Exception {
        for (int i = 9; i <= 28; i++) {
            queue.saveWindow(i, List.of("GENERAL"), ADMIN);
        }
        int tickets = 200;
        for (int i = 0; i < tickets; i++) {
            take("GENERAL");
        }
        Set<String> called = ConcurrentHashMap.newKeySet();
        List<String> twice = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clerks = new ArrayList<>();
        for (int w = 9; w <= 28; w++) {
            Actor c = clerk("clerk" + w);
            queue.signIn(w, c);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    while (true) {
                        String n = queue.callNext(c).number();
                        if (!called.add(n)) {
                            twice.add(n);
                        }
                    }
                } catch (Problem e) {
                    if (!"NO_TICKET_WAITING".equals(e.code())) {
                        twice.add(e.code());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    twice.add(e.toString());
                }
            });
            t.start();
            clerks.add(t);
        }
        go.countDown();
        for (Thread t : clerks) {
            t.join(60_000);
        }
        assertEquals(List.of(), twice);
        assertEquals(tickets, called.size());
        Set<String> all = new HashSet<>();
        for (int i = 1; i <= tickets; i++) {
            all.add(String.format("A%03d", i));
        }
        assertEquals(all, called);
        assertFalse(queue.board(0).groups().stream().anyMatch(g -> g.waiting() > 0));
    }
}
