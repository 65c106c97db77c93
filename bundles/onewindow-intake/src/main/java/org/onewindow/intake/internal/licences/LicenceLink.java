package org.onewindow.intake.internal.licences;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.onewindow.catalog.MaterialDTO;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;

/**
 * What the window and the back office do with the electronic licence library (一号申办): materials
 * satisfied from it at intake, checked again at acceptance, and licences issued by approvals in the
 * approval's own transaction. A {@code null} library means the licences feature is not installed.
 */
public final class LicenceLink {
    private LicenceLink() {
    }

    /** Receives from the library every licence-typed material the applicant holds a usable licence of. */
    public static void reuse(LicenceService licences, CaseEntity c, List<MaterialDTO> catalog, Actor actor, Instant now) {
        if (licences == null) {
            return;
        }
        Set<String> have = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
        List<MaterialDTO> wanted = catalog.stream().filter(m -> m.licenceType != null && !have.contains(m.code))
                .collect(Collectors.toList());
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, LicenceDTO> usable = licences.usable(c.applicantId,
                wanted.stream().map(m -> m.licenceType).collect(Collectors.toSet()), c.caseNo, actor);
        for (MaterialDTO m : wanted) {
            LicenceDTO l = usable.get(m.licenceType);
            if (l != null) {
                c.received.add(CaseMaterialEntity.fromLicence(c, m.code, l.type, l.number, actor.name(), now));
            }
        }
    }

    /**
     * Before acceptance: a licence revoked or expired since intake no longer stands in for the paper.
     * Such materials are dropped (and so are missing again); the codes of those dropped are returned.
     */
    public static List<String> recheck(LicenceService licences, EntityManager em, CaseEntity c, Actor actor) {
        List<CaseMaterialEntity> fromLibrary = c.received.stream().filter(m -> m.source == MaterialSource.LICENCE)
                .collect(Collectors.toList());
        if (licences == null || fromLibrary.isEmpty()) {
            return List.of();
        }
        Map<String, LicenceDTO> usable = licences.usable(c.applicantId,
                fromLibrary.stream().map(m -> m.licenceType).collect(Collectors.toSet()), c.caseNo, actor);
        List<String> dropped = new ArrayList<>();
        for (Iterator<CaseMaterialEntity> it = c.received.iterator(); it.hasNext();) {
            CaseMaterialEntity m = it.next();
            if (m.source != MaterialSource.LICENCE) {
                continue;
            }
            LicenceDTO now = usable.get(m.licenceType);
            if (now == null) {
                it.remove();
                em.remove(m);
                dropped.add(m.code);
            } else {
                m.licenceNo = now.number;
            }
        }
        return dropped;
    }

    /**
     * Issues the licence an approval produces, in the approval's transaction: both commit or neither.
     *
     * @return the licence number ({@code licenceNo} as given, else the case number), or {@code licenceNo}
     *         unchanged when the item's result is not a licence
     */
    public static String issue(LicenceService licences, EntityManager em, CaseEntity c, String resultLicenceType, String licenceNo,
            String validTo, String document, String by, LocalDate today) {
        if (resultLicenceType == null) {
            return licenceNo;
        }
        if (licences == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "LICENCES_UNAVAILABLE",
                    "事项 " + c.itemCode + " 的结果为电子证照，但电子证照库（onewindow-licences）未安装，暂不能办结");
        }
        NewLicenceDTO l = new NewLicenceDTO();
        l.type = resultLicenceType;
        l.number = licenceNo == null ? c.caseNo : licenceNo;
        l.holderIdType = c.applicantIdType;
        l.holderId = c.applicantId;
        l.holderName = c.applicantName;
        l.issuerCode = c.departmentCode;
        l.issuerName = c.departmentName;
        l.issuedOn = today.toString();
        l.validTo = validTo;
        l.caseNo = c.caseNo;
        l.document = document;
        l.documentRef = "case:" + c.caseNo;
        return licences.issue(l, em.unwrap(Connection.class), by).number;
    }
}
