package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.problem.StorageFaults;
import org.onewindow.security.Actor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups ({@link BackupMaker}) one at a time, on demand and daily at {@code dailyAt}, each followed by
 * retention; every attempt is an event of the audit trail; the last good backup's age is the node's health.
 */
@Component(service = {BackupService.class, StatusContributor.class}, configurationPid = BackupConfig.PID, immediate = true)
@Designate(ocd = BackupConfig.class)
public class Backups implements BackupService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    static final String OVERDUE = "BACKUP_OVERDUE";

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    NodeService node;

    @Reference
    AuditTrail trail;

    @Reference
    ConfigurationAdmin configurations;

    private final ReentrantLock running = new ReentrantLock();
    private BackupConfig config;
    private BackupDirectory directory;
    private LocalTime dailyAt;
    private ScheduledExecutorService scheduler;
    private final Instant activated = Instant.now();
    private volatile Instant lastGood;
    private volatile Instant lastAttempt;
    private volatile Boolean lastSucceeded;
    private volatile String lastError;

    @Activate
    void activate(BackupConfig config) {
        this.config = config;
        directory = new BackupDirectory(config.directory().isBlank()
                ? Paths.get(System.getProperty("karaf.home", "."), "backup") : Paths.get(config.directory()));
        dailyAt = parse(config.dailyAt());
        lastGood = newestGood();
        if (dailyAt != null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "onewindow-backup");
                t.setDaemon(true);
                return t;
            });
            scheduleNext();
        }
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static LocalTime parse(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            LOG.error("dailyAt = {} in etc/{}.cfg is not a time such as 02:30: no daily backup", at, BackupConfig.PID);
            return null;
        }
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        ZonedDateTime next = now.with(dailyAt).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        scheduler.schedule(this::daily, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void daily() {
        try {
            backup(Actor.system("backup"));
        } catch (RuntimeException e) {
            LOG.error("The daily backup failed: {}", e.getMessage());
        } finally {
            if (!scheduler.isShutdown()) {
                scheduleNext();
            }
        }
    }

    @Override
    public BackupDTO backup(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        if (!running.tryLock()) {
            throw new Problem(ProblemKind.CONFLICT, "BACKUP_RUNNING", "正在备份，请等这次备份完成后再试");
        }
        try {
            lastAttempt = Instant.now();
            BackupMaker.Made made;
            try {
                made = maker().make(directory);
            } catch (IOException | java.sql.SQLException | RuntimeException e) {
                fail(actor, e);
                throw StorageFaults.isFull(e) ? StorageFaults.full()
                        : new Problem(ProblemKind.INTERNAL, "BACKUP_FAILED", "备份失败，未留下不完整的备份；原因见日志（onewindow:backup --list 显示最后一次的错误）");
            }
            BackupDirectory.Removed removed;
            try {
                removed = directory.retain(config.keep());
            } catch (IOException e) {
                LOG.warn("Backup {} made, but retention failed: {}", made.manifest().name(), e.toString());
                removed = new BackupDirectory.Removed(List.of(), 0, 0);
            }
            lastGood = Instant.parse(made.manifest().finishedAt());
            lastSucceeded = true;
            lastError = null;
            BackupDTO dto = BackupDTO.of(made.manifest(), made.folder().toString());
            dto.newScans = made.newObjects();
            dto.newBytes = made.newBytes();
            dto.removed = removed.backups();
            String took = Duration.between(Instant.parse(made.manifest().startedAt()), lastGood).toMillis() / 1000.0 + " s";
            LOG.info("Backup {} made in {}: {} cases, {} scans ({} new, {} bytes new), journal at {}, {} bytes in all; retention removed {}",
                    dto.name, took, dto.cases, dto.scans, dto.newScans, dto.newBytes, dto.journalLastSeq, dto.sizeBytes, removed.backups());
            trail.record(AuditEvent.of(ACTION, actor).channel(channel(actor)).on("BACKUP", dto.name)
                    .detail("backup made in " + took + " at " + made.folder() + ": " + dto.cases + " cases, " + dto.scans + " scans ("
                            + dto.newScans + " new), journal at " + dto.journalLastSeq + ", " + dto.sizeBytes + " bytes; removed by retention: "
                            + removed.backups()));
            return dto;
        } finally {
            running.unlock();
        }
    }

    private void fail(Actor actor, Exception e) {
        lastSucceeded = false;
        lastError = e.getMessage();
        LOG.error("Backup failed (nothing incomplete left in {}): {}", directory.root(), e.toString());
        try {
            trail.record(AuditEvent.of(ACTION, actor).channel(channel(actor)).on("BACKUP", null).outcome(Outcome.FAILURE)
                    .detail("backup failed: " + e.getMessage()));
        } catch (RuntimeException audit) {
            LOG.warn("The failed backup could not be recorded in the audit trail: {}", audit.toString());
        }
    }

    private static String channel(Actor actor) {
        return actor.name().startsWith("shell:") ? "SHELL" : actor.name().startsWith("system:") ? "SYSTEM" : "BASIC";
    }

    private BackupMaker maker() {
        NodeInfo info = node.info();
        Path data = Paths.get(System.getProperty("karaf.data", "data"));
        Path ownData = data.resolve("onewindow");
        String scans = scanningDirectory();
        return new BackupMaker(new BackupMaker.Sources(dataSource, scans == null ? ownData.resolve("scans") : Paths.get(scans), ownData,
                Paths.get(System.getProperty("karaf.etc", "etc"))),
                new BackupMaker.Identity(info.version, info.role == null ? null : info.role.name().toLowerCase(java.util.Locale.ROOT), info.districtCode),
                Clock.systemUTC());
    }

    /** Where scanning keeps its files when set elsewhere than {@code data/onewindow/scans} ({@code directory} of its configuration). */
    private String scanningDirectory() {
        try {
            Configuration c = configurations.getConfiguration("org.onewindow.scanning", null);
            Dictionary<String, Object> p = c.getProperties();
            Object dir = p == null ? null : p.get("directory");
            return dir == null || dir.toString().isBlank() ? null : dir.toString();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public BackupsDTO list(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        BackupsDTO out = new BackupsDTO();
        out.directory = directory.root().toString();
        out.dailyAt = dailyAt == null ? null : dailyAt.toString();
        out.keep = config.keep();
        out.running = running.isLocked();
        out.lastAttemptAt = lastAttempt == null ? null : lastAttempt.toString();
        out.lastSucceeded = lastSucceeded;
        out.lastError = lastError;
        out.lastGoodAt = lastGood == null ? null : lastGood.toString();
        out.overdue = overdue();
        List<BackupDTO> backups = new ArrayList<>();
        try {
            for (Path folder : directory.complete()) {
                backups.add(describe(folder));
            }
        } catch (IOException e) {
            throw new Problem(ProblemKind.INTERNAL, "BACKUP_DIRECTORY_UNREADABLE", "备份目录无法读取：" + directory.root());
        }
        Collections.reverse(backups);
        out.backups = backups;
        return out;
    }

    /** A backup as listed: its manifest checked against its checksum, and its size on the disk. */
    private static BackupDTO describe(Path folder) {
        try {
            return BackupDTO.of(BackupManifest.read(folder), folder.toString());
        } catch (IOException e) {
            BackupDTO dto = new BackupDTO();
            dto.name = folder.getFileName().toString();
            dto.folder = folder.toString();
            dto.verification = "DAMAGED";
            dto.problem = e.getMessage();
            return dto;
        }
    }

    private Instant newestGood() {
        try {
            List<Path> all = directory.complete();
            for (int i = all.size() - 1; i >= 0; i--) {
                try {
                    return Instant.parse(BackupManifest.read(all.get(i)).finishedAt());
                } catch (IOException damaged) {
                    // an older one may be good
                }
            }
        } catch (IOException e) {
            LOG.warn("The backup directory {} cannot be read: {}", directory.root(), e.toString());
        }
        return null;
    }

    /** With a daily backup, whether the last good one (or, with none, the start) is older than {@code overdueHours}. */
    boolean overdue() {
        if (dailyAt == null) {
            return false;
        }
        Instant since = lastGood != null ? lastGood : activated;
        return since.isBefore(Instant.now().minus(Duration.ofHours(Math.max(1, config.overdueHours()))));
    }

    @Override
    public String capability() {
        return "backup";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directory", directory.root());
        out.put("daily at", dailyAt == null ? "off" : dailyAt + ", keep " + config.keep());
        out.put("last good backup", lastGood == null ? "none" : lastGood);
        if (lastSucceeded != null) {
            out.put("last attempt", lastAttempt + (lastSucceeded ? " succeeded" : " FAILED: " + lastError));
        }
        if (running.isLocked()) {
            out.put("running", "a backup is being made");
        }
        return out;
    }

    @Override
    public List<HealthReason> healthReasons() {
        if (!overdue()) {
            return List.of();
        }
        return List.of(new HealthReason(OVERDUE, "No good backup for more than " + config.overdueHours() + " hours (last: "
                + (lastGood == null ? "none" : lastGood) + (Boolean.FALSE.equals(lastSucceeded) ? "; the last attempt failed: " + lastError : "")
                + "): see onewindow:backup and the log"));
    }

}
