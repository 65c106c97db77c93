package org.onewindow.intake.internal.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.db.Transactions;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeConfig;
import org.onewindow.licences.CaseRecords;
import org.onewindow.licences.EarlierMaterialDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** Tells the licence library about cases: whose they are, and which of their materials may be reused. */
@Component(service = CaseRecords.class, configurationPid = IntakeConfig.PID)
public class IntakeCaseRecords implements CaseRecords {
    /** Enough earlier materials for a personal catalog. */
    private static final int MAX_SHOWN = 200;

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    CatalogService catalog;

    /** Makes sure the intake schema is migrated first. */
    @Reference
    IntakeService intake;

    private volatile ZoneId zone;
    private volatile int reuseDays;

    @Activate
    @Modified
    void configure(IntakeConfig config) {
        zone = ZoneId.of(config.zone());
        reuseDays = config.materialReuseDays();
    }

    @Override
    public boolean concerns(String caseNo, String idNumber) {
        return Transactions.required(jpa, em -> {
            CaseEntity c = Cases.find(em, caseNo);
            return idNumber.equals(c.applicantId) || idNumber.equals(c.agentId);
        });
    }

    @Override
    public List<EarlierMaterialDTO> earlierMaterials(String holderId) {
        LocalDate today = LocalDate.now(zone);
        Instant since = today.minusDays(reuseDays).atStartOfDay(zone).toInstant();
        List<CaseMaterialEntity> received = Transactions.required(jpa, em -> em.createQuery("SELECT m FROM CaseMaterialEntity m"
                + " WHERE m.caseFile.applicantId = :h AND m.source = :window AND m.receivedAt >= :since"
                + " ORDER BY m.receivedAt DESC", CaseMaterialEntity.class)
                .setParameter("h", holderId).setParameter("window", MaterialSource.WINDOW).setParameter("since", since)
                .setMaxResults(MAX_SHOWN).getResultList());
        Map<String, CatalogItemDTO> items = new HashMap<>();
        List<EarlierMaterialDTO> out = new ArrayList<>();
        for (CaseMaterialEntity m : received) {
            CaseEntity c = m.caseFile;
            CatalogItemDTO item = items.computeIfAbsent(c.itemCode + "@" + c.itemVersion, k -> catalog.get(c.itemCode, c.itemVersion));
            MaterialDTO material = item.materials.stream().filter(x -> x.code.equals(m.code)).findFirst().orElse(null);
            EarlierMaterialDTO dto = new EarlierMaterialDTO();
            dto.caseNo = c.caseNo;
            dto.itemCode = c.itemCode;
            dto.itemName = c.itemName;
            dto.materialCode = m.code;
            dto.materialName = material == null ? m.code : material.name;
            dto.licenceType = material == null ? null : material.licenceType;
            LocalDate on = m.receivedAt.atZone(zone).toLocalDate();
            dto.receivedAt = m.receivedAt.toString();
            dto.reusableUntil = EarlierMaterials.reusableUntil(on, reuseDays).toString();
            out.add(dto);
        }
        return out;
    }
}
