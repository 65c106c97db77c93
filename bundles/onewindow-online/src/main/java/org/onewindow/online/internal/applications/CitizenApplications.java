package org.onewindow.online.internal.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.citizen.IdType;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.Citizen;
import org.onewindow.online.NewApplicationDTO;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen's side of online applications: one opened as a {@code DRAFT} case of channel {@code ONLINE} at intake,
 * files uploaded through scanning for its materials, submitted for pre-review (again after a return), withdrawn, and
 * the citizen's own listed and shown.
 */
final class CitizenApplications {
    private static final Logger LOG = LoggerFactory.getLogger(CitizenApplications.class);

    private final IntakeService intake;
    private final CatalogService catalog;
    /** Scanning, when its feature is installed. */
    private final Supplier<ScanService> scans;
    private final ApplicationRecords records;
    private final ApplicationViews views;

    CitizenApplications(IntakeService intake, CatalogService catalog, Supplier<ScanService> scans, ApplicationRecords records,
            ApplicationViews views) {
        this.intake = intake;
        this.catalog = catalog;
        this.scans = scans;
        this.records = records;
        this.views = views;
    }

    ApplicationDTO open(Citizen citizen, NewApplicationDTO request) {
        if (request == null || request.itemCode == null || request.itemCode.isBlank()) {
            throw Problem.badRequest("INVALID_APPLICATION", "itemCode 必填：申办的事项");
        }
        String name = ApplicationInput.text(request.name, "name", 64, true);
        ApplicationEntity a = new ApplicationEntity();
        ApplicationInput.delivery(a, request.delivery);
        CatalogItemDTO item = catalog.get(request.itemCode.strip());
        if (!Boolean.TRUE.equals(item.online)) {
            throw new Problem(ProblemKind.CONFLICT, "NOT_ONLINE", "事项“" + item.name + "”不能网上申办，请预约后到综合窗口办理");
        }
        NewCaseDTO draft = new NewCaseDTO();
        draft.itemCode = item.code;
        draft.channel = Channel.ONLINE;
        draft.applicant = new PartyDTO();
        draft.applicant.idType = IdType.RESIDENT_ID;
        draft.applicant.idNumber = citizen.idNumber();
        draft.applicant.name = name;
        draft.applicant.phone = citizen.mobile();
        CaseDTO c = intake.open(draft, OnlineActors.of(citizen));
        a.caseNo = c.caseNo;
        a.citizenId = citizen.idNumber();
        a.applicantName = name;
        a.itemCode = item.code;
        a.state = ApplicationState.DRAFT;
        a.createdAt = InstantColumns.now();
        try {
            records.add(a);
        } catch (RuntimeException e) {
            // the case must not stay behind without its application
            withdrawQuietly(c.caseNo, OnlineActors.of(citizen), "网上申办未能保存，自动撤回");
            throw e;
        }
        LOG.info("Online application {} opened by {} for {}", c.caseNo, citizen, item.code);
        return views.view(a, c, Map.of());
    }

    ApplicationDTO upload(Citizen citizen, String caseNo, String material, List<Upload> files) {
        ScanService scanning = scans.get();
        if (scanning == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "SCANNING_UNAVAILABLE", "材料上传服务（onewindow-scanning）未安装，暂不能上传");
        }
        ApplicationEntity a = records.own(citizen, caseNo);
        ApplicationRecords.requireState(a, ApplicationRecords.EDITABLE, "上传材料");
        CaseDTO c = intake.get(caseNo, OnlineActors.of(citizen));
        CaseMaterialDTO m = c.materials.stream().filter(x -> x.code.equals(material)).findFirst()
                .orElseThrow(() -> Problem.badRequest("MATERIAL_NOT_IN_CATALOG", "事项“" + c.itemName + "”没有材料 " + material));
        if (m.received && m.source == MaterialSource.LICENCE) {
            throw new Problem(ProblemKind.CONFLICT, "MATERIAL_FROM_LICENCE", "“" + m.name + "”已从电子证照库调取，无需上传");
        }
        List<ScanDTO> stored = scanning.store(caseNo, files, OnlineActors.of(citizen));
        records.addFiles(stored, material);
        LOG.info("{} file(s) uploaded to {} for {} by {}", stored.size(), caseNo, material, citizen);
        return views.view(a, c, records.files(caseNo));
    }

    ApplicationDTO submit(Citizen citizen, String caseNo) {
        ApplicationEntity a = records.own(citizen, caseNo);
        ApplicationRecords.requireState(a, ApplicationRecords.EDITABLE, "提交预审");
        CaseDTO c = intake.get(caseNo, OnlineActors.of(citizen));
        Map<String, List<OnlineFileDTO>> files = records.files(caseNo);
        List<String> missing = c.materials.stream().filter(m -> m.required && !m.received && !files.containsKey(m.code))
                .map(m -> m.name).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "请先上传：" + String.join("、", missing));
        }
        if (a.state == ApplicationState.RETURNED && a.returnMaterials != null) {
            List<String> redo = List.of(a.returnMaterials.split(","));
            Instant since = a.reviewedAt;
            List<String> notRedone = c.materials.stream().filter(m -> redo.contains(m.code) && files.getOrDefault(m.code, List.of())
                    .stream().allMatch(f -> Instant.parse(f.uploadedAt).isBefore(since))).map(m -> m.name).collect(Collectors.toList());
            if (!notRedone.isEmpty()) {
                throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "预审退回要求重新上传：" + String.join("、", notRedone));
            }
        }
        List<String> toReceive = c.materials.stream().filter(m -> !m.received && files.containsKey(m.code)).map(m -> m.code)
                .collect(Collectors.toList());
        CaseDTO now = toReceive.isEmpty() ? c : intake.receive(caseNo, toReceive, OnlineActors.of(citizen));
        ApplicationEntity done = records.submit(caseNo);
        LOG.info("Online application {} submitted for pre-review by {}", caseNo, citizen);
        return views.view(done, now, files);
    }

    ApplicationDTO withdraw(Citizen citizen, String caseNo) {
        ApplicationEntity a = records.own(citizen, caseNo);
        ApplicationRecords.requireState(a, Set.of(ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.RETURNED,
                ApplicationState.AWAITING_PAYMENT), "撤回");
        TransitionDTO t = new TransitionDTO();
        t.to = CaseStatus.WITHDRAWN;
        t.note = "申请人网上撤回";
        CaseDTO c = intake.transition(caseNo, t, OnlineActors.of(citizen));
        ApplicationEntity done = records.settle(caseNo, ApplicationState.WITHDRAWN, citizen.toString());
        LOG.info("Online application {} withdrawn by {}", caseNo, citizen);
        return views.view(done, c, records.files(caseNo));
    }

    List<ApplicationDTO> mine(Citizen citizen) {
        return records.of(citizen).stream().map(views::summary).collect(Collectors.toList());
    }

    ApplicationDTO get(Citizen citizen, String caseNo) {
        ApplicationEntity a = records.own(citizen, caseNo);
        return views.view(a, intake.get(caseNo, OnlineActors.of(citizen)), records.files(caseNo));
    }

    private void withdrawQuietly(String caseNo, Actor actor, String note) {
        try {
            TransitionDTO t = new TransitionDTO();
            t.to = CaseStatus.WITHDRAWN;
            t.note = note;
            intake.transition(caseNo, t, actor);
        } catch (RuntimeException e) {
            LOG.error("Case {} left as a draft without its online application: {}", caseNo, e.toString());
        }
    }
}
