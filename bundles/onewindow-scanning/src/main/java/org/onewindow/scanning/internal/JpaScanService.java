package org.onewindow.scanning.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Transactions;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scanned materials: bytes in the content store, metadata in Derby, both or neither. */
@Component(service = {ScanService.class, StatusContributor.class}, configurationPid = ScanningConfig.PID)
@Designate(ocd = ScanningConfig.class)
public class JpaScanService implements ScanService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaScanService.class);
    static final String READ_SCAN = "READ_SCAN";

    @Reference(target = "(osgi.unit.name=onewindow-scanning)")
    JpaTemplate jpa;

    @Reference
    SchemaMigrations migrations;

    @Reference
    IntakeService intake;

    @Reference
    AuditTrail trail;

    private ContentStore store;
    private FileChecks checks;
    private long maxFileBytes;
    private int maxFilesPerCase;
    private int schemaVersion;
    /** Keeps "file kept" and "row written" together against a concurrent upload of the same bytes. */
    private final ReentrantLock keeping = new ReentrantLock();

    @Activate
    void activate(BundleContext context, ScanningConfig config) {
        schemaVersion = migrations.migrate("scanning", context.getBundle(), "db/migration/scanning");
        moveOlderLog();
        maxFileBytes = config.maxFileBytes();
        maxFilesPerCase = config.maxFilesPerCase();
        checks = new FileChecks(config.pdfCheckMemoryBytes());
        store = new ContentStore(config.directory().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "scans") : Paths.get(config.directory()));
        store.sweep();
        Set<String> named = new java.util.HashSet<>(tx(em -> em.createQuery("SELECT DISTINCT s.sha256 FROM ScanEntity s", String.class).getResultList()));
        int removed = store.removeOrphans(named, java.time.Duration.ofMinutes(Math.max(0, config.orphanMinutes())), java.time.Instant.now());
        if (removed > 0) {
            LOG.warn("{} scanned file(s) no row names removed (left by a crash between the file and its row)", removed);
        }
    }

    @Override
    public List<ScanDTO> store(String caseNo, List<Upload> uploads, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        CaseStatus status = intake.checkVisible(caseNo, actor);
        if (!status.isOpen()) {
            throw new Problem(ProblemKind.CONFLICT, "CASE_CLOSED", "办件 " + caseNo + " 已办结（" + status + "），不能再上传材料");
        }
        if (uploads == null || uploads.isEmpty()) {
            throw Problem.badRequest("NO_FILE", "请至少上传一个文件（表单字段 file）");
        }
        List<String> names = uploads.stream().map(u -> FileNames.check(u.fileName())).collect(Collectors.toList());
        List<ContentStore.Received> received = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                ContentStore.Received file = store.receive(upload.content(), maxFileBytes);
                received.add(file);
                String type = ContentTypes.detect(file.head(), file.headLength());
                if (type == null) {
                    throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE",
                            "只接受 JPEG、PNG 或 PDF 文件（按文件内容判断）：" + names.get(received.size() - 1));
                }
                checks.verify(type, file.temp(), names.get(received.size() - 1));
                types.add(type);
            }
            return keep(caseNo, names, types, received, actor);
        } finally {
            received.forEach(r -> ContentStore.discard(r.temp()));
            uploads.forEach(JpaScanService::close);
        }
    }

    private List<ScanDTO> keep(String caseNo, List<String> names, List<String> types, List<ContentStore.Received> files, Actor actor) {
        keeping.lock();
        List<String> created = new ArrayList<>();
        try {
            for (ContentStore.Received file : files) {
                if (store.keep(file)) {
                    created.add(file.sha256());
                }
            }
            List<ScanDTO> out = tx(em -> {
                long have = em.createQuery("SELECT COUNT(s) FROM ScanEntity s WHERE s.caseNo = :c", Long.class)
                        .setParameter("c", caseNo).getSingleResult();
                if (have + files.size() > maxFilesPerCase) {
                    throw new Problem(ProblemKind.CONFLICT, "TOO_MANY_FILES", "每个办件最多 " + maxFilesPerCase + " 个文件，已有 " + have);
                }
                Integer last = em.createQuery("SELECT MAX(s.seq) FROM ScanEntity s WHERE s.caseNo = :c", Integer.class)
                        .setParameter("c", caseNo).getSingleResult();
                int seq = last == null ? 0 : last;
                Instant now = InstantColumns.now();
                List<ScanDTO> stored = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    ScanEntity e = new ScanEntity();
                    e.caseNo = caseNo;
                    e.seq = ++seq;
                    e.fileName = names.get(i);
                    e.contentType = types.get(i);
                    e.size = files.get(i).size();
                    e.sha256 = files.get(i).sha256();
                    e.uploadedBy = actor.name();
                    e.uploadedAt = now;
                    em.persist(e);
                    em.flush();
                    stored.add(e.toDTO());
                }
                return stored;
            });
            created.clear();
            LOG.info("{} scanned file(s) stored for case {} by {}", out.size(), caseNo, actor);
            return out;
        } finally {
            // a refused upload leaves no file that no row refers to
            for (String sha : created) {
                if (tx(em -> em.createQuery("SELECT COUNT(s) FROM ScanEntity s WHERE s.sha256 = :h", Long.class)
                        .setParameter("h", sha).getSingleResult()) == 0) {
                    store.delete(sha);
                }
            }
            keeping.unlock();
        }
    }

    @Override
    public List<ScanDTO> list(String caseNo, Actor actor) {
        actor.requireAny(Actor.STAFF);
        intake.checkVisible(caseNo, actor);
        return tx(em -> em.createQuery("SELECT s FROM ScanEntity s WHERE s.caseNo = :c ORDER BY s.seq", ScanEntity.class)
                .setParameter("c", caseNo).getResultList().stream().map(ScanEntity::toDTO).collect(Collectors.toList()));
    }

    @Override
    public ScanDTO get(String caseNo, long id, Actor actor) {
        actor.requireAny(Actor.STAFF);
        intake.checkVisible(caseNo, actor);
        return tx(em -> {
            ScanEntity e = em.find(ScanEntity.class, id);
            if (e == null || !e.caseNo.equals(caseNo)) {
                throw Problem.notFound("SCAN_NOT_FOUND", "办件 " + caseNo + " 没有编号为 " + id + " 的扫描件");
            }
            // the read goes to the audit trail in its own transaction: no read without its record
            trail.append(em.unwrap(Connection.class), AuditEvent.of(READ_SCAN, actor).on("SCAN", Long.toString(id)).caseNo(caseNo));
            return e.toDTO();
        });
    }

    /** Moves the reads {@code SCAN_AUDIT} held before the audit trail into it, with their times, and empties it. */
    private void moveOlderLog() {
        int moved = tx(em -> trail.adopt(em.unwrap(Connection.class), "SELECT ID, EVENT_AT, ACTOR, CASE_NO, SCAN_ID FROM SCAN_AUDIT ORDER BY ID",
                rs -> AuditEvent.by(READ_SCAN, rs.getString(3)).on("SCAN", Long.toString(rs.getLong(5))).caseNo(rs.getString(4))
                        .detail("moved from SCAN_AUDIT #" + rs.getLong(1)).at(rs.getTimestamp(2).toInstant()),
                "DELETE FROM SCAN_AUDIT"));
        if (moved > 0) {
            LOG.info("{} reads of scanned files moved from SCAN_AUDIT into the audit trail", moved);
        }
    }

    @Override
    public Path content(ScanDTO scan) {
        return store.path(scan.sha256);
    }

    @Override
    public String capability() {
        return "scanning (扫描件)";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("files", tx(em -> em.createQuery("SELECT COUNT(s) FROM ScanEntity s", Long.class).getSingleResult()));
        out.put("distinct contents", tx(em -> em.createQuery("SELECT COUNT(DISTINCT s.sha256) FROM ScanEntity s", Long.class)
                .getSingleResult()));
        out.put("schema version", schemaVersion);
        return out;
    }

    /** Closes what was sent, read or not: the request's own temporary files go with its folder in any case. */
    private static void close(Upload upload) {
        try {
            upload.content().close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("Upload stream not closed: {}", e.toString());
        }
    }

    /** One transaction, run again if the database rolled it back for a passing reason (lock timeout, deadlock). */
    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
