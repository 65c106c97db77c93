package org.onewindow.intake.internal.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseLookupDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.IntakeStatisticsDTO;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeFlagEntity;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.documents.CaseDocuments;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.node.NodeService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;

/**
 * What the window reads of the cases: one case (and its notice and receipt), the staff's search, the window's search
 * box, the kiosk's status look-up and the counts. A read of a citizen's case is an event of the audit trail in the
 * reading transaction (CaseReads).
 */
record CaseQueries(IntakeUnit unit, CatalogService catalog, AuditTrail trail, NodeService node, ZoneId zone) {
    private static final int MAX_PAGE_SIZE = 500;

    CaseDTO get(String caseNo, Actor actor) {
        actor.requireAny(Actor.STAFF);
        return unit.tx(em -> {
            CaseEntity c = Cases.find(em, caseNo);
            CaseDTO read = CaseViews.full(c, catalog.get(c.itemCode, c.itemVersion).materials);
            // last, so that the trail's head is held for the shortest time
            CaseReads.record(em, trail, CaseReads.READ_CASE, actor, c.caseNo, c.applicantId, null);
            return read;
        });
    }

    CaseStatus checkVisible(String caseNo, Actor actor) {
        actor.requireAny(Actor.STAFF);
        return unit.tx(em -> Cases.find(em, caseNo).status());
    }

    /** Newest number first; a search by applicant is an event of the audit trail. */
    CasePage search(CaseQuery query, Actor actor) {
        actor.requireAny(Actor.STAFF);
        QueryParams.checkPage(query.page, query.size, MAX_PAGE_SIZE);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.status != null) {
            where.append(" AND c.status = :status");
            params.put("status", query.status);
        }
        if (query.applicant != null && !query.applicant.isBlank()) {
            where.append(" AND c.applicantId = :applicant");
            params.put("applicant", query.applicant.strip().toUpperCase(Locale.ROOT));
        }
        if (query.item != null && !query.item.isBlank()) {
            where.append(" AND c.itemCode = :item");
            params.put("item", query.item.strip());
        }
        if (query.from != null && !query.from.isBlank()) {
            where.append(" AND c.createdAt >= :from");
            params.put("from", day(query.from, "from").atStartOfDay(zone).toInstant());
        }
        if (query.to != null && !query.to.isBlank()) {
            where.append(" AND c.createdAt < :to");
            params.put("to", day(query.to, "to").plusDays(1).atStartOfDay(zone).toInstant());
        }
        return unit.tx(em -> {
            TypedQuery<CaseEntity> rows = em.createQuery("SELECT c FROM CaseEntity c" + where + " ORDER BY c.caseNo DESC", CaseEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + where, Long.class);
            params.forEach((k, v) -> {
                rows.setParameter(k, v);
                count.setParameter(k, v);
            });
            CasePage page = new CasePage();
            page.page = query.page;
            page.size = query.size;
            page.total = count.getSingleResult();
            page.items = rows.setFirstResult((query.page - 1) * query.size).setMaxResults(query.size).getResultList()
                    .stream().map(CaseViews::summary).collect(Collectors.toList());
            if (params.containsKey("applicant")) {
                CaseReads.record(em, trail, CaseReads.SEARCH_APPLICANT, actor, null, (String) params.get("applicant"), page.total + " cases found");
            }
            return page;
        });
    }

    /** The window's one search box (CaseLookup). */
    CasePage lookUp(CaseLookupDTO lookup, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (lookup == null) {
            throw Problem.badRequest("INVALID_LOOKUP", "q 必填：办件编号、取件码、身份证件号码、手机号码或姓名");
        }
        QueryParams.checkPage(lookup.page, lookup.size, MAX_PAGE_SIZE);
        CaseLookup.Key key = CaseLookup.key(lookup.q);
        return unit.tx(em -> CaseLookup.find(em, trail, key, lookup.page, lookup.size, actor));
    }

    /** The kiosk's anonymous look-up: the case number with the last six characters of the applicant's ID number. */
    PublicStatusDTO publicStatus(String caseNo, String idSuffix) {
        String suffix = idSuffix == null ? "" : idSuffix.strip().toUpperCase(Locale.ROOT);
        if (caseNo == null || caseNo.isBlank() || !suffix.matches("[0-9A-Z]{6}")) {
            throw Problem.badRequest("INVALID_QUERY", "请输入办件编号和申请人证件号码后六位");
        }
        return unit.tx(em -> {
            CaseEntity c = em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo = :no", CaseEntity.class)
                    .setParameter("no", caseNo.strip()).getResultList().stream().findFirst().orElse(null);
            if (c == null || !c.applicantId.endsWith(suffix)) {
                throw Problem.notFound("CASE_NOT_FOUND", "办件编号或证件号码后六位不正确");
            }
            PublicStatusDTO status = CaseViews.publicStatus(c, c.supplementMaterials == null ? List.of()
                    : catalog.get(c.itemCode, c.itemVersion).materials.stream()
                            .filter(m -> List.of(c.supplementMaterials.split(",")).contains(m.code)).map(m -> m.name)
                            .collect(Collectors.toList()));
            CaseReads.publicStatus(em, trail, c.caseNo, c.applicantId);
            return status;
        });
    }

    String noticeHtml(String caseNo, Actor actor) {
        CaseDTO c = get(caseNo, actor);
        return CaseDocuments.notice(c, node.info().districtName, LocalDate.now(zone));
    }

    String receiptHtml(String caseNo, Actor actor) {
        CaseDTO c = get(caseNo, actor);
        HistoryEntryDTO accepted = c.history.stream().filter(h -> h.to == CaseStatus.ACCEPTED).findFirst()
                .orElseThrow(() -> new Problem(ProblemKind.CONFLICT, "NOT_ACCEPTED", "办件 " + caseNo + " 未经受理，没有受理回执"));
        return CaseDocuments.receipt(c, node.info().districtName, Instant.parse(accepted.at).atZone(zone).toLocalDate(),
                catalog.get(c.itemCode, c.itemVersion).statutoryLimitDays);
    }

    IntakeStatisticsDTO statistics() {
        return unit.tx(em -> {
            IntakeStatisticsDTO s = new IntakeStatisticsDTO();
            s.cases = em.createQuery("SELECT COUNT(c) FROM CaseEntity c", Long.class).getSingleResult();
            s.openCases = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status NOT IN :closed", Long.class)
                    .setParameter("closed", StatusMachine.CLOSED).getSingleResult();
            s.finished = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status = :d", Long.class)
                    .setParameter("d", CaseStatus.DELIVERED).getSingleResult();
            s.finishedInOneVisit = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status = :d AND c.visits <= 1", Long.class)
                    .setParameter("d", CaseStatus.DELIVERED).getSingleResult();
            s.oneVisitShare = s.finished == 0 ? 0 : (double) s.finishedInOneVisit / s.finished;
            s.repeatFilings = flags(em, IntakeFlagEntity.REPEAT_FILING);
            s.materialViolations = flags(em, IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG);
            return s;
        });
    }

    private static long flags(EntityManager em, String kind) {
        return em.createQuery("SELECT COUNT(f) FROM IntakeFlagEntity f WHERE f.kind = :k", Long.class)
                .setParameter("k", kind).getSingleResult();
    }

    /** The handovers not done yet by state, "PENDING 2, DEAD 1", or "none": for the node's status page. */
    String handoversWaiting() {
        return unit.tx(em -> em.createQuery("SELECT h.state, COUNT(h) FROM HandoverEntity h WHERE h.state IN :open"
                + " GROUP BY h.state", Object[].class)
                .setParameter("open", HandoverEntity.OPEN).getResultList()
                .stream().map(r -> r[0] + " " + r[1]).collect(Collectors.joining(", "))).replaceFirst("^$", "none");
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_QUERY", field + " 须为日期 yyyy-MM-dd，当前为 '" + value + "'");
        }
    }
}
