package org.onewindow.online.internal.applications;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.Citizen;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.online.internal.common.PaymentOrderEntity;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.scanning.ScanDTO;

/**
 * The online applications' own rows: the pre-review state, which file is which material, and the payment order of
 * each. Every step of pre-review checks the state again in the transaction that changes it, so that of two clerks (or
 * a clerk and the citizen) only the first moves it.
 */
final class ApplicationRecords {
    /** The states in which the citizen still changes the application. */
    static final Set<ApplicationState> EDITABLE = Set.of(ApplicationState.DRAFT, ApplicationState.RETURNED);

    private final OnlineDatabase db;

    ApplicationRecords(OnlineDatabase db) {
        this.db = db;
    }

    void add(ApplicationEntity a) {
        db.tx(em -> {
            em.persist(a);
            return null;
        });
    }

    /** The citizen's own application; another citizen's is not told apart from one that does not exist. */
    ApplicationEntity own(Citizen citizen, String caseNo) {
        ApplicationEntity a = db.tx(em -> caseNo == null ? null : em.find(ApplicationEntity.class, caseNo));
        if (a == null || !a.citizenId.equals(citizen.idNumber())) {
            throw notFound(caseNo);
        }
        return a;
    }

    ApplicationEntity find(String caseNo) {
        ApplicationEntity a = db.tx(em -> caseNo == null ? null : em.find(ApplicationEntity.class, caseNo));
        if (a == null) {
            throw notFound(caseNo);
        }
        return a;
    }

    /** The citizen's newest applications first, at most 100. */
    List<ApplicationEntity> of(Citizen citizen) {
        return db.tx(em -> em.createQuery("SELECT a FROM ApplicationEntity a WHERE a.citizenId = :id"
                + " ORDER BY a.createdAt DESC", ApplicationEntity.class).setParameter("id", citizen.idNumber())
                .setMaxResults(100).getResultList());
    }

    /** What waits for pre-review, the longest waiting first, at most 500. */
    List<ApplicationEntity> submitted() {
        return db.tx(em -> em.createQuery("SELECT a FROM ApplicationEntity a WHERE a.state = :s"
                + " ORDER BY a.submittedAt", ApplicationEntity.class).setParameter("s", ApplicationState.SUBMITTED)
                .setMaxResults(500).getResultList());
    }

    /** Files the citizen uploaded (stored by scanning) are for {@code material}. */
    void addFiles(List<ScanDTO> stored, String material) {
        db.tx(em -> {
            stored.forEach(s -> em.persist(OnlineFileEntity.of(s, material)));
            return null;
        });
    }

    /** The files of a case by material code, in upload order. */
    Map<String, List<OnlineFileDTO>> files(String caseNo) {
        return db.tx(em -> em.createQuery("SELECT f FROM OnlineFileEntity f WHERE f.caseNo = :c ORDER BY f.scanId", OnlineFileEntity.class)
                .setParameter("c", caseNo).getResultList().stream().collect(Collectors.groupingBy(f -> f.materialCode,
                        LinkedHashMap::new, Collectors.mapping(OnlineFileEntity::toDTO, Collectors.toList()))));
    }

    /** The case's payment order, or null if it has none. */
    PaymentOrderDTO payment(String caseNo) {
        return db.tx(em -> PaymentOrderEntity.forCase(em, caseNo).map(PaymentOrderEntity::toDTO).orElse(null));
    }

    /** Submitted for pre-review, if the citizen may still change it. */
    ApplicationEntity submit(String caseNo) {
        return change(caseNo, (em, x) -> {
            requireState(x, EDITABLE, "提交预审");
            x.state = ApplicationState.SUBMITTED;
            x.submittedAt = InstantColumns.now();
        });
    }

    /** Pre-review passed for an item with a fee: one payment order for {@code fee}, and the application waits for it. */
    ApplicationEntity awaitPayment(String caseNo, String itemName, BigDecimal fee, String by) {
        return change(caseNo, (em, x) -> {
            requireState(x, Set.of(ApplicationState.SUBMITTED), "预审通过");
            em.persist(PaymentOrderEntity.of(x.caseNo, x.citizenId, itemName, fee));
            x.reviewed(ApplicationState.AWAITING_PAYMENT, by);
        });
    }

    /** Returned to the citizen: {@code materials} (codes) to upload again, and why. */
    ApplicationEntity returnToCitizen(String caseNo, Set<String> materials, String note, String by) {
        return change(caseNo, (em, x) -> {
            requireState(x, Set.of(ApplicationState.SUBMITTED), "退回");
            x.returnMaterials = String.join(",", materials);
            x.returnNote = note;
            x.reviewed(ApplicationState.RETURNED, by);
        });
    }

    /** Refused at pre-review, with the reason (the case was refused at intake first). */
    ApplicationEntity reject(String caseNo, String reason, String by) {
        return change(caseNo, (em, x) -> {
            x.rejectReason = reason;
            x.reviewed(ApplicationState.REJECTED, by);
        });
    }

    /** The application follows its case, which has moved already ({@code state}: accepted, withdrawn). */
    ApplicationEntity settle(String caseNo, ApplicationState state, String by) {
        return change(caseNo, (em, x) -> x.reviewed(state, by));
    }

    /** The application {@code caseNo} read and changed by {@code how} in one transaction. */
    private ApplicationEntity change(String caseNo, BiConsumer<EntityManager, ApplicationEntity> how) {
        return db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, caseNo);
            how.accept(em, x);
            return x;
        });
    }

    static void requireState(ApplicationEntity a, Set<ApplicationState> allowed, String what) {
        if (!allowed.contains(a.state)) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATE", "申办件 " + a.caseNo + " 当前为 " + a.state + "，不能" + what);
        }
    }

    private static Problem notFound(String caseNo) {
        return Problem.notFound("APPLICATION_NOT_FOUND", "没有网上申办件 " + caseNo);
    }
}
