package org.onewindow.licences.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DbFailures;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Transactions;
import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.CaseRecords;
import org.onewindow.licences.CityLicences;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The licence library on Derby: reads through JPA, writes through {@link LicenceRows}; every call is one transaction. */
@Component(service = {LicenceService.class, StatusContributor.class}, configurationPid = LicencesConfig.PID)
@Designate(ocd = LicencesConfig.class)
public class JpaLicenceService implements LicenceService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaLicenceService.class);
    private static final int MAX_DETAILS = 1000;
    private static final int MAX_LOG = 1000;
    /** A licence type added to the catalog is known to imports within this time. */
    private static final long TYPES_TTL_NANOS = 30_000_000_000L;

    @Reference(target = "(osgi.unit.name=onewindow-licences)")
    JpaTemplate jpa;

    @Reference
    SchemaMigrations migrations;

    @Reference
    ChangeJournal journal;

    @Reference
    AuditTrail trail;

    @Reference
    CatalogService catalog;

    /** The intake, when installed: checks that a case-tied read concerns that case, and lists earlier materials. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CaseRecords cases;

    /** The citywide library at the hub, while this district is federated (replication installed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CityLicences city;

    private volatile ZoneId zone;
    private volatile LicencesConfig config;
    private volatile KnownTypes knownTypes;
    private int schemaVersion;

    @Activate
    void activate(BundleContext context, LicencesConfig config) {
        schemaVersion = migrations.migrate("licences", context.getBundle(), "db/migration/licences");
        int moved = tx(em -> LicenceReads.moveOlderLog(em, trail));
        if (moved > 0) {
            LOG.info("{} reads of licences moved from LICENCE_ACCESS into the audit trail", moved);
        }
        configure(config);
    }

    @Modified
    void configure(LicencesConfig config) {
        this.config = config;
        zone = ZoneId.of(config.zone());
    }

    @Override
    public PersonalCatalogDTO personalCatalog(String holderId, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        String holder = holder(holderId);
        checkCase(why, holder);
        LocalDate today = today();
        Map<String, String> names = typeNames();
        PersonalCatalogDTO out = tx(em -> {
            List<LicenceEntity> found = em.createQuery("SELECT l FROM LicenceEntity l WHERE l.holderId = :h"
                    + " ORDER BY l.type, l.issuedOn DESC", LicenceEntity.class).setParameter("h", holder).getResultList();
            PersonalCatalogDTO c = new PersonalCatalogDTO();
            c.holder = IdNumbers.mask(holder);
            c.licences = found.stream().map(l -> l.toDTO(today, names.get(l.type))).collect(Collectors.toList());
            LicenceReads.record(em, trail, LicenceReads.LIST, holder, why, actor, null, null, found.size());
            return c;
        });
        // once the read is committed, so that the trail's search sees it and does not wait on its lock
        out.recentAccess = LicenceReads.of(trail, holder, config.recentAccessShown());
        CaseRecords records = cases;
        out.earlierMaterials = records == null ? List.of() : records.earlierMaterials(holder);
        LOG.info("Licences of {} listed by {} for {}: {}", IdNumbers.mask(holder), actor, why, out.licences.size());
        return out;
    }

    @Override
    public LicenceDTO verify(String type, String number, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        LocalDate today = today();
        Map<String, String> names = typeNames();
        LicenceDTO found;
        try {
            found = tx(em -> {
                LicenceEntity l = find(em, type, number, false);
                checkCase(why, l.holderId);
                LicenceDTO dto = l.toDTO(today, names.get(l.type));
                LicenceReads.record(em, trail, LicenceReads.VERIFY, l.holderId, why, actor, l.type, l.number, 1);
                return dto;
            });
        } catch (Problem p) {
            CityLicences city = this.city;
            if (!"LICENCE_NOT_FOUND".equals(p.code()) || city == null) {
                throw p;
            }
            found = fromCity(city, type.strip(), number.strip(), why, actor, today, names);
        }
        LOG.info("Licence {} {} of {} verified by {} for {}: {}", found.type, found.number, IdNumbers.mask(found.holderId), actor,
                why, found.status);
        return found;
    }

    @Override
    public Map<String, LicenceDTO> usable(String holderId, Collection<String> types, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        if (types.isEmpty()) {
            return Map.of();
        }
        String holder = holder(holderId);
        LocalDate today = today();
        Map<String, String> names = typeNames();
        return tx(em -> {
            List<LicenceEntity> held = em.createQuery("SELECT l FROM LicenceEntity l WHERE l.holderId = :h AND l.type IN :types",
                    LicenceEntity.class).setParameter("h", holder).setParameter("types", List.copyOf(types)).getResultList();
            Map<String, LicenceDTO> best = new LinkedHashMap<>();
            held.stream().filter(l -> ReuseRules.judge(l, holder, l.type, today) == ReuseRules.Verdict.USABLE)
                    .sorted(ReuseRules.LONGEST_LIVED)
                    .forEach(l -> best.putIfAbsent(l.type, l.toDTO(today, names.get(l.type))));
            LicenceReads.record(em, trail, LicenceReads.REUSE_CHECK, holder, why, actor, null, null, best.size());
            return best;
        });
    }

    @Override
    public LicenceDTO issue(NewLicenceDTO licence, Connection transaction, String actor) {
        List<ProblemDetail> problems = new ArrayList<>();
        LicenceRow row = LicenceRows.check(licence, licence == null || licence.number == null ? "licence" : licence.number,
                types(), today(), problems);
        if (row == null) {
            throw new Problem(ProblemKind.BAD_REQUEST, "LICENCE_INVALID", "证照信息不完整，不能签发："
                    + problems.stream().map(Object::toString).collect(Collectors.joining("；")), problems);
        }
        try {
            // a taken number is refused by the unique index: the caller's transaction then rolls back whole
            LicenceRows.insert(transaction, List.of(row), actor);
            LicenceJournal.record(journal, transaction, List.of(LicenceEntity.of(row)));
        } catch (SQLException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw exists(row);
            }
            throw new PersistenceException("Licence " + row.key() + " not written", e);
        }
        LOG.info("Licence {} issued to {} for case {} by {}", row.key(), IdNumbers.mask(row.holderId), row.caseNo, actor);
        return LicenceEntity.of(row).toDTO(today(), typeNames().get(row.type));
    }

    @Override
    public LicenceImportDTO importLicences(List<NewLicenceDTO> rows, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        if (rows == null || rows.isEmpty()) {
            throw Problem.badRequest("LICENCES_INVALID", "导入文件中没有证照");
        }
        if (rows.size() > config.maxImportRows()) {
            throw Problem.badRequest("LICENCES_INVALID", "一次最多导入 " + config.maxImportRows() + " 条证照，当前 " + rows.size()
                    + " 条；请分文件导入");
        }
        long started = System.nanoTime();
        Map<String, LicenceTypeDTO> types = types();
        LocalDate today = today();
        List<ProblemDetail> problems = new ArrayList<>();
        List<LicenceRow> checked = new ArrayList<>(rows.size());
        List<String> labels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String label = "#" + (i + 1);
            labels.add(label);
            checked.add(LicenceRows.check(rows.get(i), label, types, today, problems));
        }
        refuseIf(problems, rows.size());
        refuseIf(LicenceRows.duplicates(checked, labels, Set.of()), rows.size());
        int imported = insertAll(checked, labels, actor.name());
        LicenceImportDTO out = new LicenceImportDTO();
        out.imported = imported;
        out.millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} licences imported by {} in {} ms", imported, actor, out.millis);
        return out;
    }

    /**
     * Writes checked rows in one transaction. The insert goes first: the unique index finds a taken
     * number far faster than looking each one up beforehand; only a refused file is looked up, to name its rows.
     */
    private int insertAll(List<LicenceRow> checked, List<String> labels, String actor) {
        try {
            return tx(em -> {
                try {
                    Connection connection = em.unwrap(Connection.class);
                    LicenceRows.insert(connection, checked, actor);
                    LicenceJournal.record(journal, connection, checked.stream().map(LicenceEntity::of).collect(Collectors.toList()));
                } catch (SQLException e) {
                    if (DbFailures.isUniqueViolation(e)) {
                        throw new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "导入的证照编号已在证照库中，本次导入未生效");
                    }
                    throw new PersistenceException("Licence import not written", e);
                }
                return checked.size();
            });
        } catch (Problem e) {
            if (!"LICENCE_EXISTS".equals(e.code())) {
                throw e;
            }
            refuseIf(tx(em -> {
                try {
                    return LicenceRows.duplicates(checked, labels, LicenceRows.existing(em.unwrap(Connection.class), checked));
                } catch (SQLException s) {
                    throw new PersistenceException("Licence numbers not checked", s);
                }
            }), checked.size());
            // taken by another import that has since been rolled back: say so plainly
            throw new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "导入期间另一次导入写入了相同的证照编号，本次导入未生效，请重试");
        }
    }

    private static void refuseIf(List<ProblemDetail> problems, int rows) {
        if (problems.isEmpty()) {
            return;
        }
        long bad = problems.stream().map(p -> p.item).distinct().count();
        throw new Problem(ProblemKind.BAD_REQUEST, "LICENCES_INVALID", "导入被拒绝，未做任何修改：" + rows + " 条中有 " + bad
                + " 条有误，共 " + problems.size() + " 处：" + problems.stream().limit(5).map(Object::toString)
                        .collect(Collectors.joining("；")) + (problems.size() > 5 ? "……" : ""),
                problems.size() > MAX_DETAILS ? problems.subList(0, MAX_DETAILS) : problems);
    }

    @Override
    public LicenceDTO revoke(String type, String number, String reason, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.REVIEWER));
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw Problem.badRequest("INVALID_REVOCATION", "reason 必填：撤销理由（不超过 500 字）");
        }
        LocalDate today = today();
        Map<String, String> names = typeNames();
        LicenceDTO revoked = tx(em -> {
            LicenceEntity l = find(em, type, number, true);
            if (!actor.has(Actor.ADMIN) && !actor.worksFor(l.issuerCode)) {
                throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "只有发证部门（" + l.issuerName + "）或管理员可以撤销此证照");
            }
            if (l.status == LicenceStatus.REVOKED) {
                throw new Problem(ProblemKind.CONFLICT, "ALREADY_REVOKED", "证照 " + l.number + " 已于 " + l.revokedAt.toInstant() + " 撤销");
            }
            l.status = LicenceStatus.REVOKED;
            l.revokedAt = new Date();
            l.revocationReason = reason.strip();
            em.flush();
            LicenceJournal.record(journal, em.unwrap(Connection.class), List.of(l));
            return l.toDTO(today, names.get(l.type));
        });
        LOG.info("Licence {} {} of {} revoked by {}", revoked.type, revoked.number, IdNumbers.mask(revoked.holderId), actor);
        return revoked;
    }

    @Override
    public List<AccessEntryDTO> accessLog(String holderId, int limit, Actor actor) {
        // an audit trail: read by the auditor alone (三员分立), not by those whose reads it records
        actor.requireAny(Set.of(Actor.AUDITOR));
        return LicenceReads.of(trail, holder(holderId), Math.max(1, Math.min(limit, MAX_LOG)));
    }

    @Override
    public String capability() {
        return "licences (电子证照库)";
    }

    @Override
    public Map<String, Object> status() {
        LocalDate today = today();
        return tx(em -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("licences", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l", Long.class).getSingleResult());
            s.put("revoked", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l WHERE l.status = :r", Long.class)
                    .setParameter("r", LicenceStatus.REVOKED).getSingleResult());
            s.put("expired", em.createQuery("SELECT COUNT(l) FROM LicenceEntity l WHERE l.status = :v AND l.validTo < :today",
                    Long.class).setParameter("v", LicenceStatus.VALID).setParameter("today", today).getSingleResult());
            s.put("schema version", schemaVersion);
            return s;
        });
    }

    /** A read tied to a case must concern that case's applicant or agent (when the intake is there to ask). */
    /** A licence another district holds, through the city hub; the read is logged here too. */
    private LicenceDTO fromCity(CityLicences city, String type, String number, Purpose why, Actor actor, LocalDate today,
            Map<String, String> names) {
        LicenceDTO l = city.find(type, number, why, actor.name());
        if (l == null) {
            throw Problem.notFound("LICENCE_NOT_FOUND", "本区证照库及全市证照库中均没有 " + type + " " + number);
        }
        checkCase(why, l.holderId);
        l.typeName = names.get(l.type);
        l.status = LicenceEntity.statusOn(l.status, l.validTo == null ? null : LocalDate.parse(l.validTo), today);
        tx(em -> {
            LicenceReads.record(em, trail, LicenceReads.CITY_VERIFY, l.holderId, why, actor, l.type, l.number, 1);
            return null;
        });
        return l;
    }

    private void checkCase(Purpose why, String holder) {
        CaseRecords records = cases;
        if (why.caseNo != null && records != null && !records.concerns(why.caseNo, holder)) {
            throw new Problem(ProblemKind.FORBIDDEN, "CASE_NOT_OF_HOLDER", "办件 " + why.caseNo + " 的申请人或代办人不是该持证主体，不能以此办件查询其证照");
        }
    }

    private static LicenceEntity find(EntityManager em, String type, String number, boolean forUpdate) {
        var q = em.createQuery("SELECT l FROM LicenceEntity l WHERE l.type = :t AND l.number = :n", LicenceEntity.class)
                .setParameter("t", type == null ? "" : type.strip()).setParameter("n", number == null ? "" : number.strip());
        if (forUpdate) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultList().stream().findFirst()
                .orElseThrow(() -> Problem.notFound("LICENCE_NOT_FOUND", "证照库中没有 " + type + " " + number));
    }

    private static String holder(String holderId) {
        String h = holderId == null ? "" : holderId.strip().toUpperCase(Locale.ROOT);
        if (h.isEmpty()) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "holder 必填：持证主体的居民身份证号码或统一社会信用代码");
        }
        if (!IdNumbers.isValid(IdType.RESIDENT_ID, h) && !IdNumbers.isValid(IdType.CREDIT_CODE, h)) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "holder 不是有效的居民身份证号码或统一社会信用代码：" + IdNumbers.mask(h));
        }
        return h;
    }

    private static Problem exists(LicenceRow row) {
        return new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "证照库中已有 " + row.type + " " + row.number);
    }

    /** The catalog's licence types, read again when older than {@link #TYPES_TTL_NANOS}: every lookup names them. */
    private Map<String, LicenceTypeDTO> types() {
        return known().byCode;
    }

    private Map<String, String> typeNames() {
        return known().names;
    }

    private KnownTypes known() {
        KnownTypes known = knownTypes;
        if (known == null || System.nanoTime() - known.readAt > TYPES_TTL_NANOS) {
            known = new KnownTypes(catalog.licenceTypes(), System.nanoTime());
            knownTypes = known;
        }
        return known;
    }

    /** The licence types as read at one time, by code and their names by code. */
    private static final class KnownTypes {
        final Map<String, LicenceTypeDTO> byCode;
        final Map<String, String> names;
        final long readAt;

        KnownTypes(List<LicenceTypeDTO> types, long readAt) {
            this.byCode = types.stream().collect(Collectors.toMap(t -> t.code, t -> t));
            this.names = types.stream().collect(Collectors.toMap(t -> t.code, t -> t.name));
            this.readAt = readAt;
        }
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
