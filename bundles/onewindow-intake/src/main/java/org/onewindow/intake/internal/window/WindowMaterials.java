package org.onewindow.intake.internal.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.ReuseDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.licences.EarlierMaterials;
import org.onewindow.intake.internal.licences.LicenceLink;
import org.onewindow.licences.LicenceService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The materials of a case at the window: those handed in, those reused from the applicant's earlier case (within
 * {@code materialReuseDays}), and the licences from the library checked again before acceptance.
 */
record WindowMaterials(IntakeUnit unit, CatalogService catalog, AuditTrail trail, Supplier<LicenceService> licences, ZoneId zone,
        int reuseDays) {
    private static final Logger LOG = LoggerFactory.getLogger(WindowMaterials.class);

    CaseDTO receive(String caseNo, List<String> materials, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        List<String> codes = IntakeRequest.codes(materials);
        if (codes.isEmpty()) {
            throw Problem.badRequest("INVALID_CASE", "materials 必填：收到的材料编码");
        }
        CaseEntity peek = unit.tx(em -> Cases.windowCase(Cases.find(em, caseNo)));
        if (!StatusMachine.receives(peek.status())) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATUS", "办件状态为 " + peek.status() + "，此时不能收取材料");
        }
        CatalogItemDTO pinned = catalog.get(peek.itemCode, peek.itemVersion);
        List<MaterialDTO> catalogMaterials = pinned.materials;
        unit.refuseUnlisted(pinned, codes, caseNo, actor.name());
        return unit.tx(em -> {
            CaseEntity c = Cases.windowCase(Cases.find(em, caseNo));
            Instant now = InstantColumns.now();
            Set<String> have = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
            for (String code : codes) {
                if (!have.contains(code)) {
                    CaseMaterialEntity m = CaseMaterialEntity.of(c, code, actor.name(), now);
                    em.persist(m);
                    c.received.add(m);
                }
            }
            c.updatedAt = now;
            return CaseViews.full(c, catalogMaterials);
        });
    }

    CaseDTO reuse(String caseNo, ReuseDTO request, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (request == null) {
            throw Problem.badRequest("INVALID_CASE", "请求内容为空");
        }
        String code = IntakeRequest.required(request.material, "material", "本办件的材料编码");
        String from = IntakeRequest.required(request.fromCaseNo, "fromCaseNo", "原办件编号");
        CaseEntity peek = unit.tx(em -> Cases.windowCase(Cases.find(em, caseNo)));
        CatalogItemDTO pinned = catalog.get(peek.itemCode, peek.itemVersion);
        unit.refuseUnlisted(pinned, List.of(code), caseNo, actor.name());
        MaterialDTO wanted = pinned.materials.stream().filter(m -> m.code.equals(code)).findFirst().orElseThrow();
        return unit.tx(em -> {
            CaseEntity c = Cases.find(em, caseNo);
            if (!StatusMachine.receives(c.status())) {
                throw new Problem(ProblemKind.CONFLICT, "WRONG_STATUS", "办件状态为 " + c.status() + "，此时不能收取材料");
            }
            if (c.received.stream().anyMatch(m -> m.code.equals(code))) {
                throw new Problem(ProblemKind.CONFLICT, "ALREADY_RECEIVED", "材料 " + wanted.name + " 已收取");
            }
            CaseEntity earlier = Cases.find(em, from);
            if (!earlier.applicantId.equals(c.applicantId)) {
                throw notReusable(wanted, from, "原办件不是同一申请人的");
            }
            List<MaterialDTO> earlierCatalog = catalog.get(earlier.itemCode, earlier.itemVersion).materials;
            LocalDate today = LocalDate.now(zone);
            boolean found = earlier.received.stream().filter(r -> r.source == MaterialSource.WINDOW)
                    .filter(r -> !EarlierMaterials.reusableUntil(r.receivedAt.atZone(zone).toLocalDate(), reuseDays)
                            .isBefore(today))
                    .anyMatch(r -> earlierCatalog.stream().anyMatch(m -> m.code.equals(r.code) && EarlierMaterials.matches(wanted, m)));
            if (!found) {
                throw notReusable(wanted, from, "原办件没有在 " + reuseDays + " 天内收取过同类材料");
            }
            Instant now = InstantColumns.now();
            CaseMaterialEntity m = CaseMaterialEntity.fromEarlierCase(c, code, from, actor.name(), now);
            em.persist(m);
            c.received.add(m);
            c.updatedAt = now;
            CaseReads.record(em, trail, CaseReads.REUSE_MATERIAL, actor, c.caseNo, c.applicantId, "material " + code + " from case " + from);
            LOG.info("Case {}: material {} reused from case {} by {}", caseNo, code, from, actor);
            return CaseViews.full(c, pinned.materials);
        });
    }

    private static Problem notReusable(MaterialDTO wanted, String from, String why) {
        return new Problem(ProblemKind.CONFLICT, "MATERIAL_NOT_REUSABLE", "办件 " + from + " 的材料不能用作" + wanted.name + "：" + why);
    }

    /** Materials from licences revoked or expired since intake are dropped, in a transaction of their own, before acceptance. */
    void recheckLicences(String caseNo, Actor actor) {
        LicenceService library = licences.get();
        if (library == null) {
            return;
        }
        List<String> dropped = unit.tx(em -> {
            CaseEntity c = Cases.find(em, caseNo);
            if (c.status() != CaseStatus.DRAFT) {
                return List.<String>of();
            }
            List<String> codes = LicenceLink.recheck(library, em, c, actor);
            if (!codes.isEmpty()) {
                List<String> names = catalog.get(c.itemCode, c.itemVersion).materials.stream()
                        .filter(m -> codes.contains(m.code)).map(m -> m.name).collect(Collectors.toList());
                String note = "电子证照已失效（撤销或过期），需提交纸质材料：" + String.join("、", names);
                em.persist(c.note(actor.name(), InstantColumns.now(), note));
            }
            return codes;
        });
        if (!dropped.isEmpty()) {
            LOG.info("Case {}: licences no longer valid for {}", caseNo, dropped);
        }
    }
}
