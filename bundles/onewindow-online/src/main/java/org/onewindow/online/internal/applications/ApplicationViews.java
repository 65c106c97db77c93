package org.onewindow.online.internal.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.MaterialSource;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.MaterialStateDTO;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.notices.NextSteps;

/**
 * An online application as the citizen and the clerk see it: its own state joined with its case at intake (a case
 * moved at a window meanwhile wins), each material with its files or the licence that stands in, the payment order.
 */
final class ApplicationViews {
    private final CatalogService catalog;
    private final ApplicationRecords records;

    ApplicationViews(CatalogService catalog, ApplicationRecords records) {
        this.catalog = catalog;
        this.records = records;
    }

    /** A list entry: no case read (and so no audit line) per application. */
    ApplicationDTO summary(ApplicationEntity a) {
        ApplicationDTO dto = base(a);
        CatalogItemDTO item = catalog.get(a.itemCode);
        dto.itemName = item.name;
        dto.departmentName = item.department.name;
        dto.nextStep = NextSteps.application(a.state, null);
        return dto;
    }

    ApplicationDTO view(ApplicationEntity a, CaseDTO c, Map<String, List<OnlineFileDTO>> files) {
        ApplicationDTO dto = base(a);
        dto.itemName = c.itemName;
        dto.departmentName = c.departmentName;
        dto.caseStatus = c.status;
        dto.state = NextSteps.stateOf(a.state, c.status);
        dto.materials = new ArrayList<>();
        for (CaseMaterialDTO m : c.materials) {
            MaterialStateDTO s = new MaterialStateDTO();
            s.code = m.code;
            s.name = m.name;
            s.required = m.required;
            s.files = files.getOrDefault(m.code, List.of());
            s.source = m.received && m.source == MaterialSource.LICENCE ? "LICENCE"
                    : s.files.isEmpty() ? null : "UPLOADED";
            dto.materials.add(s);
        }
        dto.payment = records.payment(a.caseNo);
        dto.nextStep = NextSteps.application(dto.state, c);
        return dto;
    }

    private static ApplicationDTO base(ApplicationEntity a) {
        ApplicationDTO dto = new ApplicationDTO();
        dto.caseNo = a.caseNo;
        dto.itemCode = a.itemCode;
        dto.state = a.state;
        dto.applicantName = a.applicantName;
        dto.applicantId = IdNumbers.mask(a.citizenId);
        dto.delivery = a.delivery();
        dto.returned = a.state == ApplicationState.RETURNED ? a.returned() : null;
        dto.rejectReason = a.rejectReason;
        dto.createdAt = a.createdAt.toString();
        dto.submittedAt = a.submittedAt == null ? null : a.submittedAt.toString();
        dto.reviewedAt = a.reviewedAt == null ? null : a.reviewedAt.toString();
        dto.reviewedBy = a.reviewedBy;
        return dto;
    }
}
