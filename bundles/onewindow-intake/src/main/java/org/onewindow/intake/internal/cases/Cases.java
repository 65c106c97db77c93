package org.onewindow.intake.internal.cases;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Transactions;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the window, the back office and the outbox all do with cases: find one, run a transaction. */
public final class Cases {
    private static final Logger LOG = LoggerFactory.getLogger(Cases.class);

    private Cases() {
    }

    /**
     * One transaction, run again if the database rolled it back for a passing reason (lock timeout,
     * deadlock); the cases it changed are journaled for the city hub in it.
     */
    public static <R> R tx(JpaTemplate jpa, ChangeJournal journal, Function<EntityManager, R> work) {
        return Transactions.required(jpa, CaseChanges.journaled(journal, work));
    }

    public static CaseEntity find(EntityManager em, String caseNo) {
        return em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo = :no", CaseEntity.class)
                .setParameter("no", caseNo).getResultList().stream().findFirst()
                .orElseThrow(() -> Problem.notFound("CASE_NOT_FOUND", "没有办件 " + caseNo));
    }

    /**
     * The case, locked until the transaction ends: the relay recording a handover and a department's
     * callback deciding the case take turns instead of each acting on what the other has half done.
     */
    public static CaseEntity findForUpdate(EntityManager em, String caseNo) {
        return em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo = :no", CaseEntity.class)
                .setParameter("no", caseNo).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().findFirst()
                .orElseThrow(() -> Problem.notFound("CASE_NOT_FOUND", "没有办件 " + caseNo));
    }

    /**
     * {@code c}, if this district's window handles it: one another district accepted and handed over to be
     * decided here (全市通办) is taken in, supplemented and handed out at that district's window.
     */
    public static CaseEntity windowCase(CaseEntity c) {
        if (c.originDistrict != null) {
            throw new Problem(ProblemKind.CONFLICT, "FOREIGN_CASE", "办件 " + c.caseNo + " 由 " + c.originDistrict
                    + " 受理（全市通办），本区只作审批；收件、补正和出件在受理地窗口办理");
        }
        return c;
    }

    public static String required(String value, String code, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(code, field + " 必填：" + message);
        }
        return value.strip();
    }

    /**
     * A demand beyond the catalog is refused, and recorded for supervision in a transaction of its
     * own, so the record stays although the demand is refused (R3).
     */
    public static void refuseUnlisted(JpaTemplate jpa, CatalogItemDTO item, List<String> codes, String caseNo, String actor) {
        List<String> unlisted = Completeness.notInCatalog(item.materials, codes);
        if (unlisted.isEmpty()) {
            return;
        }
        Transactions.required(jpa, em -> {
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG, caseNo, item.code,
                    "materials " + String.join(",", unlisted), actor));
            return null;
        });
        LOG.warn("{} asked for materials {} that item {} v{} does not list", actor, unlisted, item.code, item.version);
        throw new Problem(ProblemKind.BAD_REQUEST, "MATERIAL_NOT_IN_CATALOG", "事项目录未列明的材料不得要求提交："
                + String.join("、", unlisted) + "（已记录备查）",
                unlisted.stream().map(u -> new ProblemDetail(item.code, "materials", u)).collect(Collectors.toList()));
    }

    /** Text cut to fit its column. */
    public static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
