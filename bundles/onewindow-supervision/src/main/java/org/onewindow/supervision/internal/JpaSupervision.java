package org.onewindow.supervision.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Transactions;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.ClockDTO;
import org.onewindow.intake.ViolationDTO;
import org.onewindow.node.StatusContributor;
import org.onewindow.security.Actor;
import org.onewindow.supervision.CardBoardDTO;
import org.onewindow.supervision.CardColor;
import org.onewindow.supervision.CardDTO;
import org.onewindow.supervision.RunDTO;
import org.onewindow.supervision.StatisticsDTO;
import org.onewindow.supervision.SupervisionService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Supervision on Derby: a job colours the open cases and keeps only what changed since its last run. */
@Component(service = {SupervisionService.class, StatusContributor.class}, configurationPid = SupervisionConfig.PID)
@Designate(ocd = SupervisionConfig.class)
public class JpaSupervision implements SupervisionService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaSupervision.class);
    private static final Set<String> WATCHERS = Set.of(Actor.SUPERVISOR, Actor.ADMIN);
    private static final String VIOLATION_KIND = "MATERIAL_NOT_IN_CATALOG";
    /** The journal's kind for cards: the case number's card as it stands, or {@code removed}. */
    static final String CARD = "CARD";

    @Reference(target = "(osgi.unit.name=onewindow-supervision)")
    JpaTemplate jpa;

    @Reference
    SchemaMigrations migrations;

    @Reference
    ChangeJournal journal;

    @Reference
    BackOfficeService backOffice;

    @Reference
    WorkingCalendar calendar;

    private SupervisionConfig config;
    private ZoneId zone;
    private CardRules rules;
    private ScheduledExecutorService job;

    @Activate
    void activate(BundleContext context, SupervisionConfig config) {
        migrations.migrate("supervision", context.getBundle(), "db/migration/supervision");
        this.config = config;
        zone = ZoneId.of(config.zone());
        rules = new CardRules(calendar, config.yellowWorkingDays(), config.yellowShare());
        if (config.intervalSeconds() > 0) {
            job = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "onewindow-supervision");
                t.setDaemon(true);
                return t;
            });
            job.scheduleWithFixedDelay(this::runNow, 5, config.intervalSeconds(), TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        if (job != null) {
            job.shutdownNow();
        }
    }

    private void runNow() {
        try {
            RunDTO run = run(Instant.now());
            LOG.debug("Supervision run: {} open, {} yellow, {} red, {} ms", run.openCases, run.yellow, run.red, run.millis);
        } catch (RuntimeException e) {
            LOG.warn("Supervision run failed; the cards stay as they were: {}", e.toString());
        }
    }

    @Override
    public synchronized RunDTO run(Instant asked) {
        Instant now = InstantColumns.kept(asked);
        long started = System.nanoTime();
        Instant startedAt = InstantColumns.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ClockDTO> clocks = backOffice.openClocks();
        Map<String, CardEntity> cards = new HashMap<>();
        LocalDate latest = today;
        for (ClockDTO clock : clocks) {
            CardRules.Verdict verdict = rules.judge(clock, today);
            LocalDate deadline = LocalDate.parse(clock.deadline);
            latest = deadline.isAfter(latest) ? deadline : latest;
            if (verdict.color() != CardColor.GREEN) {
                cards.put(clock.caseNo, card(clock, verdict, deadline, now));
            }
        }
        List<String> warnings = calendar.missingYears(today, latest).stream()
                .map(y -> y + " 年法定节假日安排未配置（etc/onewindow/calendar/" + y + ".json），该年期限暂按周末和法定节日计算，未计调休")
                .collect(Collectors.toList());
        int changed = tx(em -> {
            try {
                return CardStore.store(em.unwrap(Connection.class), journal, cards, now);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot write the supervision cards", e);
            }
        });
        RunEntity run = new RunEntity();
        run.startedAt = startedAt;
        run.clockAt = now;
        run.openCases = clocks.size();
        run.yellow = (int) cards.values().stream().filter(c -> c.color == CardColor.YELLOW).count();
        run.red = cards.size() - run.yellow;
        run.changed = changed;
        run.warnings = warnings.isEmpty() ? null : String.join("\n", warnings);
        run.millis = (System.nanoTime() - started) / 1_000_000;
        // the run's record is a log line of its own, written after the cards so that its time includes their commit
        return tx(em -> {
            em.persist(run);
            return run.toDTO();
        });
    }

    private static CardEntity card(ClockDTO clock, CardRules.Verdict verdict, LocalDate deadline, Instant now) {
        CardEntity c = new CardEntity();
        c.caseNo = clock.caseNo;
        c.color = verdict.color();
        c.daysLeft = verdict.daysLeft();
        c.status = clock.status.name();
        c.itemCode = clock.itemCode;
        c.itemName = clock.itemName;
        c.departmentCode = clock.departmentCode;
        c.departmentName = clock.departmentName;
        c.clerk = clock.clerk;
        c.reviewer = clock.reviewer;
        c.deadline = deadline;
        c.suspended = clock.suspendedSince == null ? 0 : 1;
        c.since = now;
        return c;
    }

    @Override
    public CardBoardDTO cards(CardColor color, String department, Actor actor) {
        actor.requireAny(WATCHERS);
        String dept = department == null || department.isBlank() ? null : department.strip();
        CardBoardDTO board = tx(em -> {
            CardBoardDTO b = new CardBoardDTO();
            b.lastRun = em.createQuery("SELECT r FROM RunEntity r ORDER BY r.id DESC", RunEntity.class).setMaxResults(1)
                    .getResultList().stream().map(RunEntity::toDTO).findFirst().orElse(null);
            b.cards = em.createQuery("SELECT c FROM CardEntity c", CardEntity.class).getResultList().stream()
                    .map(CardEntity::toDTO).collect(Collectors.toList());
            return b;
        });
        Map<String, String[]> caseInfo = new HashMap<>();
        for (CardDTO c : board.cards) {
            caseInfo.put(c.caseNo, new String[] {c.departmentCode, c.departmentName, c.itemName});
        }
        for (ViolationDTO v : backOffice.violations(config.violationsShown())) {
            if (VIOLATION_KIND.equals(v.kind)) {
                board.cards.add(violation(v, caseInfo.get(v.caseNo)));
            }
        }
        board.cards.removeIf(c -> color != null && c.color != color || dept != null && !dept.equals(c.departmentCode));
        // red before yellow, the most overdue first; violations after the clocks, newest first
        board.cards.sort(Comparator.comparing((CardDTO c) -> c.color == CardColor.RED ? 0 : 1)
                .thenComparing(c -> "VIOLATION".equals(c.kind) ? 1 : 0)
                .thenComparing(c -> c.workingDaysLeft == null ? 0 : c.workingDaysLeft)
                .thenComparing(c -> c.since, Comparator.reverseOrder()));
        board.yellow = board.cards.stream().filter(c -> c.color == CardColor.YELLOW).count();
        board.violations = board.cards.stream().filter(c -> "VIOLATION".equals(c.kind)).count();
        board.red = board.cards.stream().filter(c -> c.color == CardColor.RED).count() - board.violations;
        board.warnings = board.lastRun == null ? List.of("尚未运行效能监察") : board.lastRun.warnings;
        return board;
    }

    private static CardDTO violation(ViolationDTO v, String[] known) {
        CardDTO c = new CardDTO();
        c.kind = "VIOLATION";
        c.color = CardColor.RED;
        c.caseNo = v.caseNo;
        c.itemCode = v.itemCode;
        if (known != null) {
            c.departmentCode = known[0];
            c.departmentName = known[1];
            c.itemName = known[2];
        }
        c.reviewer = v.actor;
        c.since = v.at;
        c.detail = "要求提交事项目录以外的材料：" + v.detail.replaceFirst("^materials ", "") + "（" + v.actor + "）";
        return c;
    }

    @Override
    public StatisticsDTO statistics(Actor actor) {
        actor.requireAny(WATCHERS);
        return Figures.of(backOffice.statisticsByItem());
    }

    @Override
    public String capability() {
        return "supervision (效能监察)";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        RunDTO last = tx(em -> em.createQuery("SELECT r FROM RunEntity r ORDER BY r.id DESC", RunEntity.class)
                .setMaxResults(1).getResultList().stream().map(RunEntity::toDTO).findFirst().orElse(null));
        out.put("job", config.intervalSeconds() > 0 ? "every " + config.intervalSeconds() + " s" : "off (runs by hand)");
        out.put("last run", last == null ? "never" : last.startedAt + " (" + last.millis + " ms)");
        out.put("open cases", last == null ? "-" : last.openCases);
        out.put("yellow / red", last == null ? "-" : last.yellow + " / " + last.red);
        out.put("warnings", last == null || last.warnings.isEmpty() ? "none" : String.join("; ", last.warnings));
        return out;
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
