package org.onewindow.intake.internal.restore;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.db.Transactions;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.Route;
import org.onewindow.intake.internal.cases.CaseChanges;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseHistoryEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.node.NodeService;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts cases back as the city hub holds them, after this appliance was restored from an older copy of its data: each
 * with its history, materials, time limit, decision and delivery ({@code CaseViews.replica} is what the hub has: all but
 * the pickup code). Which state wins is {@link CaseMerge}'s rule; every case given back raises its day's number counter
 * ({@link CaseCounters}), so numbers resume after the highest the city has seen. Nothing is journaled here: the hub has it.
 * A case accepted and not yet handed over gets a handover again; what did not survive is reported: materials handed in
 * after the copy (their scans are not here), a department's system that holds the case, a lost pickup code.
 */
@Component(service = JournalRestore.class)
public class CaseRestore implements JournalRestore {
    private static final ObjectReader CASES = Json.mapper().readerFor(CaseDTO.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String RESTORED_BY = "system:restore";

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Reference
    NodeService node;

    @Override
    public Set<String> kinds() {
        return Set.of(CaseChanges.KIND, CaseChanges.FOREIGN_KIND);
    }

    @Override
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        String district = node.info().districtCode;
        // not journaled: the entities report themselves, but outside CaseChanges.journaled nothing is recorded
        List<CaseDTO> cases = records.stream().map(CaseRestore::read).collect(Collectors.toList());
        return Transactions.required(jpa, em -> {
            // a page holds one state per case: the cases it has here are read at once, and nothing written is read back
            // before the commit (a query per case would flush the growing page each time)
            em.setFlushMode(FlushModeType.COMMIT);
            Map<String, CaseEntity> here = new HashMap<>();
            em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo IN :nos", CaseEntity.class)
                    .setParameter("nos", cases.stream().map(c -> c.caseNo).collect(Collectors.toList())).getResultList()
                    .forEach(c -> here.put(c.caseNo, c));
            List<RestoreNote> notes = new ArrayList<>();
            Map<String, CaseCounters.Numbered> highest = new HashMap<>();
            for (CaseDTO hub : cases) {
                CaseCounters.Numbered n = CaseCounters.parse(district, hub.caseNo);
                if (n != null) {
                    highest.merge(n.day(), n, (a, b) -> a.sequence() >= b.sequence() ? a : b);
                }
                notes.addAll(restore(em, hub, here.get(hub.caseNo)));
            }
            // each day's counter past the highest number of the page, in its transaction
            try {
                for (CaseCounters.Numbered n : highest.values()) {
                    CaseCounters.raise(em.unwrap(Connection.class), n);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot raise the case number counters", e);
            }
            return notes;
        });
    }

    @Override
    public void journalAgain(String kind, Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
            Cases.tx(jpa, journal, em -> {
                for (CaseEntity c : em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo IN :nos", CaseEntity.class)
                        .setParameter("nos", chunk).getResultList()) {
                    CaseChanges.changed(c);
                }
                return null;
            });
        }
    }

    private static CaseDTO read(JournalEntry r) {
        try {
            return CASES.readValue(r.payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the hub's case record #" + r.seq + " (" + r.key + ") is not a case", e);
        }
    }

    private List<RestoreNote> restore(EntityManager em, CaseDTO hub, CaseEntity found) {
        List<RestoreNote> notes = new ArrayList<>();
        CaseEntity c = found;
        Set<String> hadMaterials;
        if (c == null) {
            c = new CaseEntity();
            c.caseNo = hub.caseNo;
            state(c, hub);
            for (HistoryEntryDTO h : hub.history == null ? List.<HistoryEntryDTO>of() : hub.history) {
                c.history.add(entry(c, h));
            }
            hadMaterials = Set.of();
            materials(c, hub, em, false);
            em.persist(c);
        } else {
            List<HistoryEntryDTO> here = c.history.stream().map(CaseHistoryEntity::toDTO).collect(Collectors.toList());
            CaseMerge.Verdict v = CaseMerge.judge(c.applicantId, c.createdAt, here, hub);
            switch (v.outcome()) {
                case OTHER_CASE -> {
                    return List.of(new RestoreNote(RestoreNote.CONFLICT, hub.caseNo, "本机的 " + hub.caseNo + " 与市级枢纽的同号办件不是同一件"
                            + "（申请人或收件时间不同）：恢复后又用了这个编号；两者都未改动"));
                }
                case KEEP_HERE -> {
                    return List.of(); // moved on here after the restore: journaled again, the hub gets it
                }
                case DIVERGED -> notes.add(new RestoreNote(RestoreNote.SUPERSEDED, hub.caseNo, "恢复后在本机的办理（" + v.onlyHere().stream()
                        .map(h -> h.at + " " + h.to + (h.note == null ? "" : " " + h.note)).collect(Collectors.joining("；"))
                        + "）之前，市级枢纽已有更新的状态 " + hub.status + "：已按枢纽的状态恢复，本机的记录留在历史中，请核对"));
                default -> {
                    // the hub's copy is behind or the same: put back from it below
                }
            }
            hadMaterials = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
            state(c, hub);
            for (HistoryEntryDTO h : v.missingHere()) {
                CaseHistoryEntity e = entry(c, h);
                em.persist(e);
                c.history.add(e);
            }
            materials(c, hub, em, true);
        }
        List<String> rescan = hub.materials == null ? List.of() : hub.materials.stream()
                .filter(m -> m.source == null || m.source == MaterialSource.WINDOW).map(m -> m.code).filter(code -> !hadMaterials.contains(code))
                .collect(Collectors.toList());
        if (!rescan.isEmpty()) {
            notes.add(new RestoreNote(RestoreNote.RESCAN, hub.caseNo, "备份之后在窗口收取的材料 " + String.join("、", rescan)
                    + " 的扫描件不在本机：请调取纸质材料重新扫描（市级枢纽调阅过的扫描件可在枢纽查看）"));
        }
        notes.addAll(handover(em, c));
        return notes;
    }

    /** The case's own fields as the hub holds them; the pickup code stays here (the hub never had it). */
    private static void state(CaseEntity c, CaseDTO hub) {
        c.itemCode = hub.itemCode;
        c.itemVersion = hub.itemVersion;
        c.itemName = hub.itemName;
        c.departmentCode = hub.departmentCode;
        c.departmentName = hub.departmentName;
        c.timeLimitDays = hub.timeLimitDays;
        c.channel = hub.channel;
        c.restoredAs(hub.status);
        c.parties(hub.applicant, hub.agent);
        c.visits = hub.visits;
        c.createdAt = Instant.parse(hub.createdAt);
        c.createdBy = hub.createdBy;
        c.updatedAt = InstantColumns.now();
        c.route = hub.route;
        c.originDistrict = hub.originDistrict;
        c.originDelivery = hub.originDelivery;
        var t = hub.timeLimit;
        c.acceptedOn = t == null ? null : day(t.acceptedOn);
        c.deadline = t == null ? null : day(t.deadline);
        c.suspendedDays = t == null ? 0 : t.suspendedDays;
        c.suspendedSince = t == null ? null : day(t.suspendedSince);
        c.extendedDays = t == null ? 0 : t.extendedDays;
        c.extensions = t == null ? 0 : t.extensions;
        c.extendedOn = t == null ? null : day(t.extendedOn);
        c.decidedOn = t == null ? null : day(t.decidedOn);
        c.workingDaysUsed = t == null ? null : t.workingDaysUsed;
        c.inTime = t == null || t.inTime == null ? null : t.inTime ? 1 : 0;
        c.calendarGaps = t == null || t.calendarGaps == null || t.calendarGaps.isEmpty() ? null
                : t.calendarGaps.stream().map(String::valueOf).collect(Collectors.joining(","));
        var d = hub.decision;
        c.resultDocument = d == null ? null : d.resultDocument;
        c.licenceNo = d == null ? null : d.licenceNo;
        c.decisionReason = d == null ? null : d.reason;
        c.decisionBasis = d == null ? null : d.legalBasis;
        var delivery = hub.delivery;
        c.deliveryMethod = delivery == null ? null : delivery.method;
        c.carrier = delivery == null ? null : delivery.carrier;
        c.trackingNo = delivery == null ? null : delivery.trackingNo;
        c.collectedBy = delivery == null ? null : delivery.collectedBy;
        c.supplementMaterials = hub.supplementMaterials == null || hub.supplementMaterials.isEmpty() ? null
                : String.join(",", hub.supplementMaterials);
    }

    /** Materials the hub's state has and this case has not; none is taken away. */
    private static void materials(CaseEntity c, CaseDTO hub, EntityManager em, boolean managed) {
        if (hub.materials == null) {
            return;
        }
        Set<String> have = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
        Instant at = c.createdAt;
        for (CaseMaterialDTO m : hub.materials) {
            if (have.contains(m.code)) {
                continue;
            }
            CaseMaterialEntity e = CaseMaterialEntity.of(c, m.code, RESTORED_BY, at);
            e.source = m.source == null ? MaterialSource.WINDOW : m.source;
            e.licenceType = m.licenceType;
            e.licenceNo = m.licenceNo;
            e.fromCaseNo = m.fromCaseNo;
            if (managed) {
                em.persist(e);
            }
            c.received.add(e);
        }
    }

    /**
     * A case the hub has as accepted and not handed over gets a handover again (the relay takes it to its department); one
     * that a department's own system or another district holds is reported, since its answer names a delivery this
     * appliance no longer knows; a result ready for pickup has lost its pickup code.
     */
    private static List<RestoreNote> handover(EntityManager em, CaseEntity c) {
        if (c.status() == CaseStatus.ACCEPTED && c.timeLimitDays > 0 && c.route == null) {
            long open = em.createQuery("SELECT COUNT(h) FROM HandoverEntity h WHERE h.caseNo = :no AND h.state IN :open", Long.class)
                    .setParameter("no", c.caseNo).setParameter("open", HandoverEntity.OPEN).getSingleResult();
            if (open == 0) {
                em.persist(HandoverEntity.of(c, HandoverEntity.CASE, InstantColumns.now()));
            }
            return List.of();
        }
        if ((c.status() == CaseStatus.IN_REVIEW || c.status() == CaseStatus.SUPPLEMENT_REQUESTED) && (c.route == Route.REMOTE || c.route == Route.CITY)) {
            return List.of(new RestoreNote(RestoreNote.CHECK, c.caseNo, "办件在" + (c.route == Route.CITY ? "异地区县" : "部门业务系统") + "审批中："
                    + "其答复所指的送交记录已随恢复丢失，请与" + c.departmentName + "核实后按其结果办理"));
        }
        if (c.status() == CaseStatus.READY_FOR_PICKUP && c.pickupCode == null) {
            return List.of(new RestoreNote(RestoreNote.CHECK, c.caseNo, "取件码随恢复丢失：取件时请核验申请人或代理人身份证件"));
        }
        return List.of();
    }

    private static CaseHistoryEntity entry(CaseEntity c, HistoryEntryDTO h) {
        return CaseHistoryEntity.of(c, h.from, h.to, h.by, Instant.parse(h.at), h.note);
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
