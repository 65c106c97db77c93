package org.onewindow.licences.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.db.Transactions;
import org.onewindow.licences.CaseRecords;
import org.onewindow.licences.CityLicences;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff's reads of the library: a holder's personal catalog, one licence verified (asked of the city's library when
 * this district holds none by that number), and what may stand in for paper. Each read is written to the audit trail
 * in its own transaction; a read tied to a case must concern that case's applicant or agent.
 */
final class LicenceLookups {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceLookups.class);

    private final JpaTemplate jpa;
    private final AuditTrail trail;
    private final LicenceTypes types;
    /** The intake, when installed: checks that a case-tied read concerns that case, and lists earlier materials. */
    private final Supplier<CaseRecords> cases;
    /** The citywide library at the hub, while this district is federated. */
    private final Supplier<CityLicences> city;
    private final ZoneId zone;
    private final int recentAccessShown;

    LicenceLookups(JpaTemplate jpa, AuditTrail trail, LicenceTypes types, Supplier<CaseRecords> cases, Supplier<CityLicences> city, ZoneId zone,
            int recentAccessShown) {
        this.jpa = jpa;
        this.trail = trail;
        this.types = types;
        this.cases = cases;
        this.city = city;
        this.zone = zone;
        this.recentAccessShown = recentAccessShown;
    }

    PersonalCatalogDTO personalCatalog(String holderId, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        String holder = holder(holderId);
        checkCase(why, holder);
        LocalDate today = LocalDate.now(zone);
        Map<String, String> names = types.names();
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
        out.recentAccess = LicenceReads.of(trail, holder, recentAccessShown);
        CaseRecords records = cases.get();
        out.earlierMaterials = records == null ? List.of() : records.earlierMaterials(holder);
        LOG.info("Licences of {} listed by {} for {}: {}", IdNumbers.mask(holder), actor, why, out.licences.size());
        return out;
    }

    LicenceDTO verify(String type, String number, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        LocalDate today = LocalDate.now(zone);
        Map<String, String> names = types.names();
        LicenceDTO found;
        try {
            found = tx(em -> {
                LicenceEntity l = LicenceEntity.find(em, type, number, false);
                checkCase(why, l.holderId);
                LicenceDTO dto = l.toDTO(today, names.get(l.type));
                LicenceReads.record(em, trail, LicenceReads.VERIFY, l.holderId, why, actor, l.type, l.number, 1);
                return dto;
            });
        } catch (Problem p) {
            CityLicences hub = city.get();
            if (!"LICENCE_NOT_FOUND".equals(p.code()) || hub == null) {
                throw p;
            }
            found = fromCity(hub, type.strip(), number.strip(), why, actor, today, names);
        }
        LOG.info("Licence {} {} of {} verified by {} for {}: {}", found.type, found.number, IdNumbers.mask(found.holderId), actor,
                why, found.status);
        return found;
    }

    Map<String, LicenceDTO> usable(String holderId, Collection<String> wanted, Purpose why, Actor actor) {
        actor.requireAny(Actor.STAFF);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        String holder = holder(holderId);
        LocalDate today = LocalDate.now(zone);
        Map<String, String> names = types.names();
        return tx(em -> {
            List<LicenceEntity> held = em.createQuery("SELECT l FROM LicenceEntity l WHERE l.holderId = :h AND l.type IN :types",
                    LicenceEntity.class).setParameter("h", holder).setParameter("types", List.copyOf(wanted)).getResultList();
            Map<String, LicenceDTO> best = new LinkedHashMap<>();
            held.stream().filter(l -> ReuseRules.judge(l, holder, l.type, today) == ReuseRules.Verdict.USABLE)
                    .sorted(ReuseRules.LONGEST_LIVED)
                    .forEach(l -> best.putIfAbsent(l.type, l.toDTO(today, names.get(l.type))));
            LicenceReads.record(em, trail, LicenceReads.REUSE_CHECK, holder, why, actor, null, null, best.size());
            return best;
        });
    }

    /** A licence another district holds, through the city hub; the read is logged here too. */
    private LicenceDTO fromCity(CityLicences hub, String type, String number, Purpose why, Actor actor, LocalDate today,
            Map<String, String> names) {
        LicenceDTO l = hub.find(type, number, why, actor.name());
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

    /** A read tied to a case must concern that case's applicant or agent (when the intake is there to ask). */
    private void checkCase(Purpose why, String holder) {
        CaseRecords records = cases.get();
        if (why.caseNo() != null && records != null && !records.concerns(why.caseNo(), holder)) {
            throw new Problem(ProblemKind.FORBIDDEN, "CASE_NOT_OF_HOLDER", "办件 " + why.caseNo() + " 的申请人或代办人不是该持证主体，不能以此办件查询其证照");
        }
    }

    /** The holder's ID number or credit code as stored (upper case), checked; {@code INVALID_ID_NUMBER} otherwise. */
    static String holder(String holderId) {
        String h = holderId == null ? "" : holderId.strip().toUpperCase(Locale.ROOT);
        if (h.isEmpty()) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "holder 必填：持证主体的居民身份证号码或统一社会信用代码");
        }
        if (!IdNumbers.isValid(IdType.RESIDENT_ID, h) && !IdNumbers.isValid(IdType.CREDIT_CODE, h)) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "holder 不是有效的居民身份证号码或统一社会信用代码：" + IdNumbers.mask(h));
        }
        return h;
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
