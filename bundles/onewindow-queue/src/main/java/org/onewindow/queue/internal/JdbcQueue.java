package org.onewindow.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DbFailures;
import org.onewindow.db.DiskGate;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.intake.IntakeService;
import org.onewindow.node.NodeService;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.Notifier;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.queue.HallBoardDTO;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.QueueDayDTO;
import org.onewindow.queue.QueueFiguresDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.QueueReportDTO;
import org.onewindow.queue.QueueService;
import org.onewindow.queue.ServedTicketDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketIntakeDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TransferDTO;
import org.onewindow.queue.WindowDTO;
import org.onewindow.queue.internal.cases.CaseWatch;
import org.onewindow.queue.internal.cases.TicketCases;
import org.onewindow.queue.internal.figures.DayFigures;
import org.onewindow.queue.internal.figures.QueueDays;
import org.onewindow.queue.internal.figures.QueueFigures;
import org.onewindow.queue.internal.floor.DemoHall;
import org.onewindow.queue.internal.floor.GroupRules;
import org.onewindow.queue.internal.floor.HallBoard;
import org.onewindow.queue.internal.floor.HallStore;
import org.onewindow.queue.internal.floor.TicketDesk;
import org.onewindow.queue.internal.floor.TicketRow;
import org.onewindow.queue.internal.floor.TicketStore;
import org.onewindow.queue.internal.floor.Tickets;
import org.onewindow.queue.internal.floor.WindowCalls;
import org.onewindow.queue.internal.texts.TurnTexts;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.PollPacing;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hall's queue in the appliance's database, with plain JDBC: tickets, the windows' calls, the hall screen's board. */
@Component(service = {QueueService.class, JournalRestore.class}, configurationPid = QueueConfig.PID)
@Designate(ocd = QueueConfig.class)
public class JdbcQueue implements QueueService, JournalRestore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcQueue.class);
    private static final int ATTEMPTS = 5;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Reference
    CatalogService catalog;

    @Reference
    NodeService node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AppointmentService appointments;

    @Reference
    AuditTrail trail;

    @Reference
    ChangeJournal journal;

    /** Intake, to check a case a ticket is served for; the queue goes on calling while it restarts. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile IntakeService intake;

    /** The notifier named by {@code notifier.target}, for 无声叫号; without one no text is sent. */
    @Reference(name = "notifier", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;

    Clock clock = Clock.systemUTC();
    private ZoneId zone;
    private Duration serviceTime;
    private int boardCalls;
    private int yellowWait;
    private int redWait;
    private WindowCalls windows;
    private HallBoard board;
    private TicketDesk desk;
    private DayFigures days;
    private TicketCases cases;
    private TurnTexts texts;
    private CaseWatch caseWatch;
    private ScheduledExecutorService worker;
    /** The worker's pace after failures ({@link #pause}); it looks again only after {@code quietUntil}. */
    private final PollPacing pacing = new PollPacing(2000, 2000, new Backoff(2000, 60_000, Math::random), Math::random);
    private volatile long quietUntil;
    private int textAhead;
    /** The groups as last read: every ticket shown names its group, and groups change a few times a year. */
    private volatile List<QueueGroupDTO> groupCache;
    /** Moves on with every change of a group: a read begun before it is not kept. */
    private final AtomicLong groupChanges = new AtomicLong();

    @Activate
    void activate(BundleContext context, QueueConfig config) {
        migrations.migrate("queue", context.getBundle(), "db/migration/queue");
        configure(config.zone(), config.serviceMinutes(), config.boardCalls());
        alerts(config.yellowWaitMinutes(), config.redWaitMinutes());
        if (node.info().demo) {
            tx(c -> {
                DemoHall.fill(c, clock.instant());
                return null;
            });
        }
        cases = new TicketCases(windows, trail, journal, () -> intake);
        String district = node.info().districtName;
        texts = new TurnTexts(dataSource, () -> notifier, (district == null ? "" : district) + "政务服务中心", config.publicBaseUrl());
        textAhead = Math.max(0, config.turnTextAhead());
        caseWatch = new CaseWatch(dataSource, journal);
        caseWatch.start();
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-queue"));
        worker.scheduleWithFixedDelay(this::watchCases, 1, Math.max(1, config.caseWatchSeconds()), TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::closeDays, 10, Math.max(1, config.dayFiguresSeconds()), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        board.close();
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Settings from the configuration (also the unit tests' way in). */
    void configure(String zoneId, int serviceMinutes, int calls) {
        zone = ZoneId.of(zoneId);
        serviceTime = Duration.ofMinutes(Math.max(1, serviceMinutes));
        boardCalls = Math.max(1, calls);
        windows = new WindowCalls(dataSource, clock, zone);
        board = new HallBoard(dataSource, this::groups);
        desk = new TicketDesk(dataSource, () -> catalog, () -> appointments, clock, zone, serviceTime, this::groups, board::changed);
        days = new DayFigures(dataSource, journal, clock, zone, this::groups);
    }

    private void closeDays() {
        if (System.currentTimeMillis() < quietUntil) {
            return;
        }
        try {
            DiskGate.check();
            days.run();
        } catch (RuntimeException e) {
            LOG.warn("The queue's day figures paused for {} ms: {}", pause(e), e.toString());
        }
    }

    private void watchCases() {
        if (System.currentTimeMillis() < quietUntil) {
            return;
        }
        try {
            DiskGate.check();
            if (caseWatch.run() > 0) {
                board.changed();
            }
            pacing.worked();
        } catch (RuntimeException e) {
            LOG.warn("Ending tickets by their cases paused for {} ms: {}", pause(e), e.toString());
        }
    }

    /**
     * The worker's next look after a failure: after a full disk or a read-only database 5 s doubling to 20 s, since
     * every look would make Derby boot the database again (StorageFaultsIT counts the boots).
     */
    private long pause(RuntimeException e) {
        long wait = pacing.failed(e);
        quietUntil = System.currentTimeMillis() + wait;
        return wait;
    }

    /** After a call, off the clerk's request: texts the citizens whose turn comes (无声叫号). */
    private void textTurns() {
        if (textAhead > 0 && texts != null) {
            texts.afterCall(worker, () -> {
                Instant now = clock.instant();
                texts.check(LocalDate.ofInstant(now, zone), groups().stream().map(QueueGroupDTO::code).toList(), textAhead, now,
                        code -> Tickets.groupName(groups(), code));
            });
        }
    }

    /** The wait alert's thresholds in minutes (red never below yellow). */
    void alerts(int yellowMinutes, int redMinutes) {
        yellowWait = Math.max(0, yellowMinutes);
        redWait = Math.max(yellowWait, redMinutes);
    }

    @Override
    public List<QueueGroupDTO> groups() {
        List<QueueGroupDTO> known = groupCache;
        if (known == null) {
            long before = groupChanges.get();
            known = tx(HallStore::groups);
            synchronized (groupChanges) {
                if (groupChanges.get() == before) {
                    groupCache = known;
                }
            }
        }
        return known;
    }

    @Override
    public QueueGroupDTO saveGroup(QueueGroupDTO g, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        QueueGroupDTO checked = GroupRules.check(g);
        Problem taken = new Problem(ProblemKind.CONFLICT, "GROUP_PREFIX_TAKEN", "号码字母 " + checked.prefix() + " 已属于另一个队列");
        try {
            return changed(saved(checked, taken));
        } catch (RuntimeException e) {
            // two administrators giving one letter at once: the second meets the constraint
            throw DbFailures.isUniqueViolation(e) ? taken : e;
        } finally {
            synchronized (groupChanges) {
                groupChanges.incrementAndGet();
                groupCache = null;
            }
        }
    }

    private QueueGroupDTO saved(QueueGroupDTO checked, Problem taken) {
        return tx(c -> {
            if (HallStore.groups(c).stream().anyMatch(x -> x.prefix().equals(checked.prefix()) && !x.code().equals(checked.code()))) {
                throw taken;
            }
            HallStore.saveGroup(c, checked);
            return HallStore.groups(c).stream().filter(x -> x.code().equals(checked.code())).findFirst().orElseThrow();
        });
    }

    @Override
    public List<ServedTicketDTO> servedWithoutCase(Instant since, int limit) {
        LocalDate from = LocalDate.ofInstant(since, zone).minusDays(1);
        return tx(c -> TicketStore.servedWithoutCase(c, from, since, limit)).stream().map(t -> new ServedTicketDTO(t.id(), t.day().toString(),
                t.number(), t.group(), Tickets.groupName(groups(), t.group()), t.itemCode(), t.window(), t.clerk(), t.finishedAt().toString()))
                .toList();
    }

    @Override
    public List<WindowDTO> windows() {
        return tx(c -> {
            List<WindowDTO> out = new ArrayList<>();
            for (HallStore.WindowRow w : HallStore.windows(c)) {
                out.add(WindowCalls.window(c, w.no()));
            }
            return out;
        });
    }

    @Override
    public WindowDTO saveWindow(int no, List<String> groups, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        if (no < 1 || no > 999 || groups == null || groups.isEmpty()) {
            throw Problem.badRequest("INVALID_WINDOW", "窗口号 1–999，且至少服务一个队列");
        }
        return changed(tx(c -> {
            Set<String> known = new java.util.HashSet<>(HallStore.groups(c).stream().map(QueueGroupDTO::code).toList());
            for (String g : groups) {
                if (!known.contains(g)) {
                    throw Problem.notFound("GROUP_NOT_FOUND", "没有队列 " + g);
                }
            }
            HallStore.saveWindow(c, no, List.copyOf(new java.util.LinkedHashSet<>(groups)), clock.instant());
            return WindowCalls.window(c, no);
        }));
    }

    @Override
    public TicketDTO take(NewTicketDTO in, TicketSource source, Actor actor) {
        TicketDTO taken = desk.take(in, source, actor);
        if (taken.mobileGiven() && texts != null) {
            texts.mobileGiven();
        }
        return taken;
    }

    @Override
    public TicketDTO checkIn(String appointmentCode, Actor actor) {
        return desk.checkIn(appointmentCode, actor);
    }

    @Override
    public TicketDTO publicTicket(String number) {
        return desk.publicTicket(number);
    }

    @Override
    public List<TicketDTO> today(String group, Actor actor) {
        return desk.today(group, actor);
    }

    @Override
    public WindowDTO signIn(int window, Actor clerk) {
        return changed(windows.signIn(window, clerk));
    }

    @Override
    public WindowDTO signOut(Actor clerk) {
        return changed(windows.signOut(clerk));
    }

    @Override
    public WindowDTO pause(Actor clerk) {
        return changed(windows.pause(clerk));
    }

    @Override
    public WindowDTO resume(Actor clerk) {
        return changed(windows.resume(clerk));
    }

    @Override
    public TicketDTO callNext(Actor clerk) {
        TicketRow called = windows.callNext(clerk);
        board.changed();
        textTurns();
        if (called == null) {
            throw new Problem(ProblemKind.NOT_FOUND, "NO_TICKET_WAITING", "本窗口的队列里没有等候的号");
        }
        return personal(called);
    }

    @Override
    public TicketDTO recall(Actor clerk) {
        return changed(personal(windows.recall(clerk)));
    }

    @Override
    public TicketDTO noShow(Actor clerk) {
        return changed(personal(windows.noShow(clerk)));
    }

    @Override
    public TicketDTO requeue(long ticketId, Actor actor) {
        return changed(personal(windows.requeue(ticketId, actor)));
    }

    @Override
    public TicketDTO transfer(TransferDTO transfer, Actor clerk) {
        return changed(personal(windows.transfer(transfer, groups(), clerk)));
    }

    @Override
    public TicketDTO finish(Actor clerk) {
        return changed(personal(windows.finish(clerk)));
    }

    @Override
    public TicketIntakeDTO currentForIntake(Actor clerk) {
        return cases.intake(clerk);
    }

    @Override
    public TicketDTO serveCase(String caseNo, Actor clerk) {
        return personal(cases.serve(caseNo, clerk));
    }

    /** Tells the waiting hall screens that the board changed; answers {@code result}. */
    private <T> T changed(T result) {
        board.changed();
        return result;
    }

    private TicketDTO personal(TicketRow t) {
        return Tickets.of(t, groups(), 0, 0, true);
    }

    @Override
    public QueueReportDTO report(LocalDate since, LocalDate until, Actor actor) {
        actor.requireAny(Set.of(Actor.SUPERVISOR, Actor.ADMIN));
        LocalDate to = until == null ? LocalDate.now(clock.withZone(zone)) : until;
        LocalDate from = since == null ? to.minusDays(27) : since;
        if (to.isBefore(from) || java.time.temporal.ChronoUnit.DAYS.between(from, to) >= 92) {
            throw Problem.badRequest("INVALID_PERIOD", "报表期间：from 不晚于 to，最多 92 天");
        }
        List<QueueDayDTO> found = days.days(from, to);
        return new QueueReportDTO(from.toString(), to.toString(), found, QueueDays.weekdays(found));
    }

    @Override
    public Set<String> kinds() {
        return Set.of(DayFigures.KIND);
    }

    @Override
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        return days.restore(records, changedHere);
    }

    @Override
    public void journalAgain(String kind, java.util.Collection<String> keys) {
        days.journalAgain(keys);
    }

    @Override
    public QueueFiguresDTO figures(Actor actor) {
        actor.requireAny(Set.of(Actor.SUPERVISOR, Actor.ADMIN));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<QueueGroupDTO> groups = groups();
        return tx(c -> QueueFigures.of(today, TicketStore.day(c, today), HallStore.windows(c), groups, now, yellowWait, redWait));
    }

    @Override
    public HallBoardDTO boardAfter(long version, int calls, long waitMillis) throws InterruptedException {
        return board.after(version, shownCalls(calls), LocalDate.now(clock.withZone(zone)), waitMillis);
    }

    @Override
    public HallBoardDTO board(int calls) {
        return board.now(shownCalls(calls), LocalDate.now(clock.withZone(zone)));
    }

    private int shownCalls(int calls) {
        return calls > 0 ? Math.min(calls, 50) : boardCalls;
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }
}
