package org.onewindow.intake.internal.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.db.DbFailures;
import org.onewindow.db.JournalHold;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.IntakeFlagEntity;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.licences.LicenceLink;
import org.onewindow.licences.LicenceService;
import org.onewindow.node.NodeService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a case at the window: the request checked, materials beyond the catalog refused, the day's next number
 * given in the case's own transaction, the licences the applicant holds received from the library, a repeat filing
 * flagged for supervision.
 */
record CaseOpening(IntakeUnit unit, CatalogService catalog, NodeService node, Supplier<LicenceService> licences, ZoneId zone) {
    private static final Logger LOG = LoggerFactory.getLogger(CaseOpening.class);
    private static final int NUMBER_RETRIES = 3;
    /** Enough open cases to name in a repeat-filing warning. */
    private static final int MAX_OPEN_SHOWN = 5;

    CaseDTO open(NewCaseDTO request, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        JournalHold hold = unit.journal().hold();
        if (hold != null) {
            // the city hub has not confirmed where this district's journal is (just started; restored from a copy): a
            // number given now might be one the city has already seen
            throw Problem.retryLater(ProblemKind.UNAVAILABLE, hold.code(), hold.message(), Duration.ofSeconds(5));
        }
        IntakeRequest intake = IntakeRequest.check(request);
        CatalogItemDTO item = catalog.get(intake.itemCode);
        unit.refuseUnlisted(item, intake.materials, null, actor.name());
        for (int attempt = 1;; attempt++) {
            try {
                return unit.tx(em -> insert(em, intake, item, actor));
            } catch (PersistenceException e) {
                // two clerks opened the first case of a day at once: the loser takes the next number
                if (!DbFailures.isUniqueViolation(e) || attempt == NUMBER_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private CaseDTO insert(EntityManager em, IntakeRequest intake, CatalogItemDTO item, Actor actor) {
        Instant now = InstantColumns.now();
        LocalDate today = LocalDate.now(zone);
        CaseEntity c = new CaseEntity();
        c.caseNo = CaseNumbers.format(node.info().districtCode, today, nextSequence(em, today));
        c.pin(item);
        c.timeLimitDays = item.timeLimitDays;
        c.channel = intake.channel;
        c.parties(intake.applicant, intake.agent);
        if (c.channel == Channel.WINDOW) {
            c.visit(today);
        }
        c.createdAt = now;
        c.createdBy = actor.name();
        for (String code : intake.materials) {
            c.received.add(CaseMaterialEntity.of(c, code, actor.name(), now));
        }
        LicenceLink.reuse(licences.get(), c, item.materials, actor, now);
        // a new case: its first step is persisted with it
        c.moveTo(CaseStatus.DRAFT, actor.name(), now, "收件");
        List<String> warnings = new ArrayList<>();
        List<String> open = openCasesOf(em, c.applicantId, c.itemCode);
        if (!open.isEmpty()) {
            warnings.add("REPEAT_FILING: 该申请人已有同一事项的在办件 " + String.join("、", open));
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.REPEAT_FILING, c.caseNo, c.itemCode,
                    "open cases " + String.join(",", open), actor.name()));
        }
        em.persist(c);
        LOG.info("Case {} taken in by {} for {} v{}, applicant {}, {} materials from the licence library", c.caseNo, actor,
                c.itemCode, c.itemVersion, IdNumbers.mask(c.applicantId),
                c.received.stream().filter(m -> m.source == MaterialSource.LICENCE).count());
        CaseDTO dto = CaseViews.full(c, item.materials);
        dto.warnings = warnings;
        return dto;
    }

    /** Gap-free per day: the counter row stays locked until the case is committed, and rolls back with it. */
    static int nextSequence(EntityManager em, LocalDate day) {
        String key = CaseNumbers.DAY.format(day);
        int updated = em.createNativeQuery("UPDATE CASE_SEQUENCE SET LAST_VALUE = LAST_VALUE + 1 WHERE SEQ_DAY = ?")
                .setParameter(1, key).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO CASE_SEQUENCE (SEQ_DAY, LAST_VALUE) VALUES (?, 1)").setParameter(1, key).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("SELECT LAST_VALUE FROM CASE_SEQUENCE WHERE SEQ_DAY = ?")
                .setParameter(1, key).getSingleResult()).intValue();
    }

    /** The applicant's cases of the item still being handled, the first few: a new one is a repeat filing (R14). */
    static List<String> openCasesOf(EntityManager em, String applicantId, String itemCode) {
        return em.createQuery("SELECT c.caseNo FROM CaseEntity c WHERE c.applicantId = :id AND c.itemCode = :item"
                + " AND c.status NOT IN :closed", String.class)
                .setParameter("id", applicantId).setParameter("item", itemCode)
                .setParameter("closed", StatusMachine.CLOSED)
                .setMaxResults(MAX_OPEN_SHOWN).getResultList();
    }
}
