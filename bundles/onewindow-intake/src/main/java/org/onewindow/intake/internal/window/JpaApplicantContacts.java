package org.onewindow.intake.internal.window;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.Transactions;
import org.onewindow.intake.ApplicantContactDTO;
import org.onewindow.intake.ApplicantContacts;
import org.onewindow.intake.Channel;
import org.onewindow.intake.IntakeService;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The applicant's phones from their cases, for the online channel's binding of a mobile; each read audited. */
@Component(service = ApplicantContacts.class)
public class JpaApplicantContacts implements ApplicantContacts {
    private static final int MAX = 50;

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    AuditTrail trail;

    /** Makes sure the intake schema is migrated first. */
    @Reference
    IntakeService intake;

    @Override
    public List<ApplicantContactDTO> of(String idNumber, int max, Actor actor) {
        actor.requireAny(Actor.STAFF);
        return Transactions.required(jpa, em -> {
            List<Object[]> rows = em.createQuery("SELECT c.caseNo, c.channel, c.applicantPhone, c.agentId, c.originDistrict, c.createdAt,"
                    + " c.createdBy FROM CaseEntity c WHERE c.applicantId = :id AND c.applicantPhone IS NOT NULL ORDER BY c.createdAt DESC",
                    Object[].class).setParameter("id", idNumber).setMaxResults(Math.max(1, Math.min(max, MAX))).getResultList();
            CaseReads.record(em, trail, CaseReads.READ_CONTACTS, actor, null, idNumber, rows.size() + " cases with a phone");
            return rows.stream().map(JpaApplicantContacts::contact).collect(Collectors.toList());
        });
    }

    private static ApplicantContactDTO contact(Object[] row) {
        ApplicantContactDTO dto = new ApplicantContactDTO();
        dto.caseNo = (String) row[0];
        dto.channel = (Channel) row[1];
        dto.phone = (String) row[2];
        dto.byAgent = row[3] != null;
        dto.originDistrict = (String) row[4];
        dto.createdAt = ((Instant) row[5]).toString();
        dto.createdBy = (String) row[6];
        return dto;
    }
}
