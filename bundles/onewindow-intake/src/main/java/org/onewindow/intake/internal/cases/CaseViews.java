package org.onewindow.intake.internal.cases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.onewindow.catalog.MaterialDTO;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.DecisionDTO;
import org.onewindow.intake.DeliveryDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.intake.TimeLimitDTO;

/** Turns case entities into DTOs: the full view for one case, the short one for lists. */
public final class CaseViews {
    private CaseViews() {
    }

    public static CaseDTO summary(CaseEntity e) {
        CaseDTO dto = new CaseDTO();
        dto.caseNo = e.caseNo;
        dto.itemCode = e.itemCode;
        dto.itemVersion = e.itemVersion;
        dto.itemName = e.itemName;
        dto.departmentCode = e.departmentCode;
        dto.departmentName = e.departmentName;
        dto.timeLimitDays = e.timeLimitDays;
        dto.channel = e.channel;
        dto.status = e.status();
        dto.applicant = party(e.applicantIdType, e.applicantId, e.applicantName, e.applicantPhone);
        dto.visits = e.visits;
        dto.createdAt = e.createdAt.toString();
        dto.createdBy = e.createdBy;
        dto.timeLimit = timeLimit(e);
        dto.route = e.route;
        dto.originDistrict = e.originDistrict;
        dto.originDelivery = e.originDelivery;
        return dto;
    }

    public static CaseDTO full(CaseEntity e, List<MaterialDTO> catalogMaterials) {
        CaseDTO dto = summary(e);
        if (e.agentId != null) {
            dto.agent = party(e.agentIdType, e.agentId, e.agentName, e.agentPhone);
        }
        Set<String> received = e.received.stream().map(m -> m.code).collect(Collectors.toSet());
        dto.materials = Completeness.materials(catalogMaterials, received, owed(e));
        for (CaseMaterialDTO m : dto.materials) {
            e.received.stream().filter(r -> r.code.equals(m.code)).findFirst().ifPresent(r -> {
                m.source = r.source;
                m.licenceNo = r.licenceNo;
                m.fromCaseNo = r.fromCaseNo;
            });
        }
        dto.missingMaterials = Completeness.missing(dto.materials);
        dto.pickupCode = e.pickupCode;
        dto.delivery = delivery(e);
        dto.decision = decision(e);
        dto.supplementMaterials = e.supplementMaterials == null ? null : List.of(e.supplementMaterials.split(","));
        dto.history = e.history.stream().map(CaseHistoryEntity::toDTO).collect(Collectors.toList());
        dto.next = StatusMachine.allowed(e.status(), e.timeLimitDays == 0);
        dto.receiving = StatusMachine.receives(e.status());
        return dto;
    }

    /**
     * The case as the city hub keeps it (the journal's record): all of it but the pickup code, which
     * stays at the window; materials are those received, with where each came from.
     */
    static CaseDTO replica(CaseEntity e) {
        CaseDTO dto = summary(e);
        if (e.agentId != null) {
            dto.agent = party(e.agentIdType, e.agentId, e.agentName, e.agentPhone);
        }
        dto.materials = e.received.stream().map(r -> {
            CaseMaterialDTO m = new CaseMaterialDTO();
            m.code = r.code;
            m.received = true;
            m.owed = false;
            m.licenceType = r.licenceType;
            m.source = r.source;
            m.licenceNo = r.licenceNo;
            m.fromCaseNo = r.fromCaseNo;
            return m;
        }).collect(Collectors.toList());
        dto.delivery = delivery(e);
        dto.decision = decision(e);
        dto.supplementMaterials = e.supplementMaterials == null ? null : List.of(e.supplementMaterials.split(","));
        dto.history = e.history.stream().map(CaseHistoryEntity::toDTO).collect(Collectors.toList());
        return dto;
    }

    /** The kiosk's view: status, dates and what to bring; nothing about the applicant. */
    public static PublicStatusDTO publicStatus(CaseEntity e, List<String> supplementNames) {
        PublicStatusDTO dto = new PublicStatusDTO();
        dto.caseNo = e.caseNo;
        dto.itemCode = e.itemCode;
        dto.itemName = e.itemName;
        dto.departmentName = e.departmentName;
        dto.status = e.status();
        dto.acceptedOn = e.acceptedOn == null ? null : e.acceptedOn.toString();
        dto.deadline = e.deadline == null ? null : e.deadline.toString();
        dto.decidedOn = e.decidedOn == null ? null : e.decidedOn.toString();
        dto.supplementMaterials = e.status() == CaseStatus.SUPPLEMENT_REQUESTED ? supplementNames : null;
        dto.carrier = e.carrier;
        dto.trackingNo = e.trackingNo;
        return dto;
    }

    static TimeLimitDTO timeLimit(CaseEntity e) {
        if (e.acceptedOn == null) {
            return null;
        }
        TimeLimitDTO t = new TimeLimitDTO();
        t.acceptedOn = e.acceptedOn.toString();
        t.deadline = e.deadline.toString();
        t.suspendedDays = e.suspendedDays;
        t.suspendedSince = e.suspendedSince == null ? null : e.suspendedSince.toString();
        t.extendedDays = e.extendedDays;
        t.extensions = e.extensions;
        t.extendedOn = e.extendedOn == null ? null : e.extendedOn.toString();
        t.decidedOn = e.decidedOn == null ? null : e.decidedOn.toString();
        t.workingDaysUsed = e.workingDaysUsed;
        t.inTime = e.inTime == null ? null : e.inTime == 1;
        t.calendarGaps = e.calendarGaps == null ? null
                : Stream.of(e.calendarGaps.split(",")).map(Integer::valueOf).collect(Collectors.toList());
        return t;
    }

    private static DeliveryDTO delivery(CaseEntity e) {
        if (e.deliveryMethod == null) {
            return null;
        }
        DeliveryDTO d = new DeliveryDTO();
        d.method = e.deliveryMethod;
        d.carrier = e.carrier;
        d.trackingNo = e.trackingNo;
        d.collectedBy = e.collectedBy == null ? null : IdNumbers.mask(e.collectedBy);
        return d;
    }

    private static DecisionDTO decision(CaseEntity e) {
        if (e.resultDocument == null && e.decisionReason == null) {
            return null;
        }
        DecisionDTO d = new DecisionDTO();
        d.outcome = e.decisionReason != null ? CaseStatus.DENIED : CaseStatus.APPROVED;
        d.resultDocument = e.resultDocument;
        d.licenceNo = e.licenceNo;
        d.reason = e.decisionReason;
        d.legalBasis = e.decisionBasis;
        return d;
    }

    public static List<CaseMaterialDTO> missing(CaseEntity e, List<MaterialDTO> catalogMaterials) {
        Set<String> received = e.received.stream().map(m -> m.code).collect(Collectors.toSet());
        return Completeness.missing(Completeness.materials(catalogMaterials, received, owed(e)));
    }

    private static Set<String> owed(CaseEntity e) {
        return e.deficientMaterials == null ? Set.of() : Set.of(e.deficientMaterials.split(","));
    }

    private static PartyDTO party(org.onewindow.citizen.IdType type, String id, String name, String phone) {
        PartyDTO p = new PartyDTO();
        p.idType = type;
        p.idNumber = id;
        p.name = name;
        p.phone = phone;
        return p;
    }
}
