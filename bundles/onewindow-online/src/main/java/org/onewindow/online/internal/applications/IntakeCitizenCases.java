package org.onewindow.online.internal.applications;

import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.IntakeService;
import org.onewindow.online.Citizen;
import org.onewindow.online.CitizenCaseDTO;
import org.onewindow.online.CitizenCases;
import org.onewindow.online.internal.notices.NextSteps;
import org.onewindow.problem.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A citizen's own cases, read from intake as the online channel acting for them (reads audited there). */
@Component(service = CitizenCases.class)
public class IntakeCitizenCases implements CitizenCases {
    private static final int MAX = 100;

    @Reference
    IntakeService intake;

    @Override
    public List<CitizenCaseDTO> list(Citizen citizen) {
        CaseQuery q = new CaseQuery();
        q.applicant = citizen.idNumber();
        q.size = MAX;
        CasePage page = intake.search(q, OnlineActors.of(citizen));
        return page.items.stream().map(IntakeCitizenCases::view).collect(Collectors.toList());
    }

    @Override
    public CitizenCaseDTO get(Citizen citizen, String caseNo) {
        CaseDTO c;
        try {
            c = intake.get(caseNo, OnlineActors.of(citizen));
        } catch (Problem e) {
            throw "CASE_NOT_FOUND".equals(e.code()) ? notFound(caseNo) : e;
        }
        if (c.applicant == null || !citizen.idNumber().equals(c.applicant.idNumber)) {
            // another person's case is not told apart from one that does not exist
            throw notFound(caseNo);
        }
        CitizenCaseDTO dto = view(c);
        dto.history = c.history == null ? List.of() : c.history.stream().map(IntakeCitizenCases::step).collect(Collectors.toList());
        return dto;
    }

    private static Problem notFound(String caseNo) {
        return Problem.notFound("CASE_NOT_FOUND", "您名下没有办件 " + caseNo);
    }

    private static CitizenCaseDTO view(CaseDTO c) {
        CitizenCaseDTO dto = new CitizenCaseDTO();
        dto.caseNo = c.caseNo;
        dto.itemCode = c.itemCode;
        dto.itemName = c.itemName;
        dto.departmentName = c.departmentName;
        dto.channel = c.channel;
        dto.status = c.status;
        dto.createdAt = c.createdAt;
        if (c.timeLimit != null) {
            dto.acceptedOn = c.timeLimit.acceptedOn;
            dto.deadline = c.timeLimit.deadline;
            dto.decidedOn = c.timeLimit.decidedOn;
        }
        if (c.decision != null && c.decision.outcome == CaseStatus.DENIED) {
            dto.denialReason = c.decision.reason;
            dto.legalBasis = c.decision.legalBasis;
        }
        dto.supplementMaterials = c.supplementMaterials;
        if (c.delivery != null) {
            dto.deliveryMethod = c.delivery.method;
            dto.carrier = c.delivery.carrier;
            dto.trackingNo = c.delivery.trackingNo;
        }
        dto.nextStep = NextSteps.forCase(c.status, c.supplementMaterials, dto.deliveryMethod, dto.deadline, c.channel);
        return dto;
    }

    private static CitizenCaseDTO.StepDTO step(HistoryEntryDTO h) {
        CitizenCaseDTO.StepDTO s = new CitizenCaseDTO.StepDTO();
        s.at = h.at;
        s.status = h.to;
        s.note = h.note;
        return s;
    }
}
