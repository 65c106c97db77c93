package org.onewindow.online.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
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
import org.onewindow.online.DeliveryChoiceDTO;
import org.onewindow.online.MaterialStateDTO;
import org.onewindow.online.NewApplicationDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.OnlineFileDTO;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.ReturnDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online applications over intake and scanning. Intake keeps the case (a {@code DRAFT} of channel
 * {@code ONLINE} until pre-review accepts it), scanning the files; this keeps the pre-review state,
 * the delivery choice and which file is which material. A case moved at a window meanwhile wins:
 * the state shown follows the case.
 */
@Component(service = OnlineApplications.class)
public class JpaOnlineApplications implements OnlineApplications {
    private static final Logger LOG = LoggerFactory.getLogger(JpaOnlineApplications.class);
    private static final Set<ApplicationState> EDITABLE = Set.of(ApplicationState.DRAFT, ApplicationState.RETURNED);
    private static final int MAX_TEXT = 1000;

    @Reference
    OnlineDatabase db;

    @Reference
    IntakeService intake;

    @Reference
    CatalogService catalog;

    @Reference
    Notices notices;

    /** Scanning, when its feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ScanService scans;

    @Override
    public ApplicationDTO open(Citizen citizen, NewApplicationDTO request) {
        if (request == null || request.itemCode == null || request.itemCode.isBlank()) {
            throw Problem.badRequest("INVALID_APPLICATION", "itemCode 必填：申办的事项");
        }
        String name = text(request.name, "name", 64, true);
        ApplicationEntity a = new ApplicationEntity();
        delivery(a, request.delivery);
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
        a.createdAt = new Date();
        try {
            db.tx(em -> {
                em.persist(a);
                return null;
            });
        } catch (RuntimeException e) {
            // the case must not stay behind without its application
            withdrawQuietly(c.caseNo, OnlineActors.of(citizen), "网上申办未能保存，自动撤回");
            throw e;
        }
        LOG.info("Online application {} opened by {} for {}", c.caseNo, citizen, item.code);
        return view(a, c, Map.of());
    }

    @Override
    public ApplicationDTO upload(Citizen citizen, String caseNo, String material, List<Upload> files) {
        ScanService scanning = scans;
        if (scanning == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "SCANNING_UNAVAILABLE", "材料上传服务（onewindow-scanning）未安装，暂不能上传");
        }
        ApplicationEntity a = own(citizen, caseNo);
        requireState(a, EDITABLE, "上传材料");
        CaseDTO c = intake.get(caseNo, OnlineActors.of(citizen));
        CaseMaterialDTO m = c.materials.stream().filter(x -> x.code.equals(material)).findFirst()
                .orElseThrow(() -> Problem.badRequest("MATERIAL_NOT_IN_CATALOG", "事项“" + c.itemName + "”没有材料 " + material));
        if (m.received && m.source == MaterialSource.LICENCE) {
            throw new Problem(ProblemKind.CONFLICT, "MATERIAL_FROM_LICENCE", "“" + m.name + "”已从电子证照库调取，无需上传");
        }
        List<ScanDTO> stored = scanning.store(caseNo, files, OnlineActors.of(citizen));
        db.tx(em -> {
            stored.forEach(s -> em.persist(OnlineFileEntity.of(s, material)));
            return null;
        });
        LOG.info("{} file(s) uploaded to {} for {} by {}", stored.size(), caseNo, material, citizen);
        return view(a, c, files(caseNo));
    }

    @Override
    public ApplicationDTO submit(Citizen citizen, String caseNo) {
        ApplicationEntity a = own(citizen, caseNo);
        requireState(a, EDITABLE, "提交预审");
        CaseDTO c = intake.get(caseNo, OnlineActors.of(citizen));
        Map<String, List<OnlineFileDTO>> files = files(caseNo);
        List<String> missing = c.materials.stream().filter(m -> m.required && !m.received && !files.containsKey(m.code))
                .map(m -> m.name).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "请先上传：" + String.join("、", missing));
        }
        if (a.state == ApplicationState.RETURNED && a.returnMaterials != null) {
            List<String> redo = List.of(a.returnMaterials.split(","));
            Instant since = a.reviewedAt.toInstant();
            List<String> notRedone = c.materials.stream().filter(m -> redo.contains(m.code) && files.getOrDefault(m.code, List.of())
                    .stream().allMatch(f -> Instant.parse(f.uploadedAt).isBefore(since))).map(m -> m.name).collect(Collectors.toList());
            if (!notRedone.isEmpty()) {
                throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "预审退回要求重新上传：" + String.join("、", notRedone));
            }
        }
        List<String> toReceive = c.materials.stream().filter(m -> !m.received && files.containsKey(m.code)).map(m -> m.code)
                .collect(Collectors.toList());
        CaseDTO now = toReceive.isEmpty() ? c : intake.receive(caseNo, toReceive, OnlineActors.of(citizen));
        ApplicationEntity done = db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, caseNo);
            requireState(x, EDITABLE, "提交预审");
            x.state = ApplicationState.SUBMITTED;
            x.submittedAt = new Date();
            return x;
        });
        LOG.info("Online application {} submitted for pre-review by {}", caseNo, citizen);
        return view(done, now, files);
    }

    @Override
    public ApplicationDTO withdraw(Citizen citizen, String caseNo) {
        ApplicationEntity a = own(citizen, caseNo);
        requireState(a, Set.of(ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.RETURNED,
                ApplicationState.AWAITING_PAYMENT), "撤回");
        TransitionDTO t = new TransitionDTO();
        t.to = CaseStatus.WITHDRAWN;
        t.note = "申请人网上撤回";
        CaseDTO c = intake.transition(caseNo, t, OnlineActors.of(citizen));
        ApplicationEntity done = settle(caseNo, ApplicationState.WITHDRAWN, citizen.toString());
        LOG.info("Online application {} withdrawn by {}", caseNo, citizen);
        return view(done, c, files(caseNo));
    }

    @Override
    public List<ApplicationDTO> mine(Citizen citizen) {
        List<ApplicationEntity> all = db.tx(em -> em.createQuery("SELECT a FROM ApplicationEntity a WHERE a.citizenId = :id"
                + " ORDER BY a.createdAt DESC", ApplicationEntity.class).setParameter("id", citizen.idNumber())
                .setMaxResults(100).getResultList());
        return all.stream().map(this::summary).collect(Collectors.toList());
    }

    @Override
    public ApplicationDTO get(Citizen citizen, String caseNo) {
        ApplicationEntity a = own(citizen, caseNo);
        return view(a, intake.get(caseNo, OnlineActors.of(citizen)), files(caseNo));
    }

    @Override
    public List<ApplicationDTO> queue(Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        List<ApplicationEntity> waiting = db.tx(em -> em.createQuery("SELECT a FROM ApplicationEntity a WHERE a.state = :s"
                + " ORDER BY a.submittedAt", ApplicationEntity.class).setParameter("s", ApplicationState.SUBMITTED)
                .setMaxResults(500).getResultList());
        return waiting.stream().map(this::summary).collect(Collectors.toList());
    }

    @Override
    public ApplicationDTO review(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        ApplicationEntity a = find(caseNo);
        return view(a, intake.get(caseNo, actor), files(caseNo));
    }

    @Override
    public ApplicationDTO accept(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        ApplicationEntity a = find(caseNo);
        requireState(a, Set.of(ApplicationState.SUBMITTED), "预审通过");
        // one read of the case: where it stands, and the item version whose fee applies
        CaseDTO c = intake.get(caseNo, actor);
        if (c.status == CaseStatus.WITHDRAWN || c.status == CaseStatus.REJECTED) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATE", "办件 " + caseNo + " 已在窗口" + (c.status == CaseStatus.WITHDRAWN ? "撤回" : "不予受理")
                    + "，不能再预审通过");
        }
        if (c.status == CaseStatus.DRAFT) {
            BigDecimal fee = catalog.get(c.itemCode, c.itemVersion).fee;
            if (fee != null && fee.signum() > 0) {
                return awaitPayment(a, c, fee, actor);
            }
            TransitionDTO t = new TransitionDTO();
            t.to = CaseStatus.ACCEPTED;
            t.note = "网上预审通过，网上受理";
            c = intake.transition(caseNo, t, actor);
        }
        // otherwise accepted at a window meanwhile: pre-review only catches up
        ApplicationEntity done = settle(caseNo, ApplicationState.ACCEPTED, actor.name());
        LOG.info("Online application {} accepted by {} after pre-review", caseNo, actor);
        tell(done, c, NoticeKind.APPLICATION_ACCEPTED, CaseNoticeTexts.accepted("", c));
        return view(done, c, files(caseNo));
    }

    /** Pre-review passed for an item with a fee: one payment order, and the case waits for it. */
    private ApplicationDTO awaitPayment(ApplicationEntity a, CaseDTO c, BigDecimal fee, Actor actor) {
        ApplicationEntity done = db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, a.caseNo);
            requireState(x, Set.of(ApplicationState.SUBMITTED), "预审通过");
            em.persist(PaymentOrderEntity.of(x.caseNo, x.citizenId, c.itemName, fee));
            x.reviewed(ApplicationState.AWAITING_PAYMENT, actor.name());
            return x;
        });
        LOG.info("Online application {} passed pre-review by {}; {} yuan to pay", a.caseNo, actor, fee);
        tell(done, c, NoticeKind.PAYMENT_DUE, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + a.caseNo + "）已通过预审，请在“我的申办”中缴费 "
                + fee.toPlainString() + " 元，缴费后即受理。");
        return view(done, c, files(a.caseNo));
    }

    @Override
    public ApplicationDTO returnToCitizen(String caseNo, ReturnDTO notice, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (notice == null) {
            throw Problem.badRequest("INVALID_APPLICATION", "请填写退回原因：materials（需补传的材料编码）和 note");
        }
        String note = text(notice.note, "note", MAX_TEXT, false);
        Set<String> codes = notice.materials == null ? Set.of() : notice.materials.stream().filter(m -> m != null && !m.isBlank())
                .map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
        if (codes.isEmpty() && note == null) {
            throw Problem.badRequest("INVALID_APPLICATION", "退回须列出需补传的材料或写明原因");
        }
        ApplicationEntity a = find(caseNo);
        requireState(a, Set.of(ApplicationState.SUBMITTED), "退回");
        CaseDTO c = intake.get(caseNo, actor);
        Map<String, String> names = c.materials.stream().collect(Collectors.toMap(m -> m.code, m -> m.name));
        List<String> unknown = codes.stream().filter(code -> !names.containsKey(code)).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw Problem.badRequest("MATERIAL_NOT_IN_CATALOG", "事项材料中没有：" + String.join("、", unknown));
        }
        ApplicationEntity done = db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, caseNo);
            requireState(x, Set.of(ApplicationState.SUBMITTED), "退回");
            x.returnMaterials = String.join(",", codes);
            x.returnNote = note;
            x.reviewed(ApplicationState.RETURNED, actor.name());
            return x;
        });
        LOG.info("Online application {} returned by {}: {}", caseNo, actor, codes);
        tell(done, c, NoticeKind.APPLICATION_RETURNED, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + caseNo + "）预审未通过，请"
                + (codes.isEmpty() ? "" : "重新上传：" + codes.stream().map(names::get).collect(Collectors.joining("、")) + "；")
                + (note == null ? "" : note) + " 补齐后再次提交即可，无需到现场。");
        return view(done, c, files(caseNo));
    }

    @Override
    public ApplicationDTO reject(String caseNo, String reason, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        String why = text(reason, "reason", MAX_TEXT, true);
        ApplicationEntity a = find(caseNo);
        requireState(a, Set.of(ApplicationState.SUBMITTED), "不予受理");
        TransitionDTO t = new TransitionDTO();
        t.to = CaseStatus.REJECTED;
        t.reason = why;
        t.note = "网上预审：不予受理";
        CaseDTO c = intake.transition(caseNo, t, actor);
        ApplicationEntity done = db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, caseNo);
            x.rejectReason = why;
            x.reviewed(ApplicationState.REJECTED, actor.name());
            return x;
        });
        LOG.info("Online application {} rejected by {}", caseNo, actor);
        tell(done, c, NoticeKind.APPLICATION_REJECTED, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + caseNo + "）不予受理：" + why);
        return view(done, c, files(caseNo));
    }

    private ApplicationEntity settle(String caseNo, ApplicationState state, String by) {
        return db.tx(em -> {
            ApplicationEntity x = em.find(ApplicationEntity.class, caseNo);
            x.reviewed(state, by);
            return x;
        });
    }

    /** Tells the citizen at the case's own contact: the verified mobile they applied with, not one bound later. */
    private void tell(ApplicationEntity a, CaseDTO c, NoticeKind kind, String text) {
        notices.tell(kind, a.citizenId, CaseContacts.mobile(c), a.caseNo, text);
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

    private static void delivery(ApplicationEntity a, DeliveryChoiceDTO d) {
        if (d == null || d.method == null || ApplicationEntity.WINDOW.equals(d.method)) {
            a.deliveryMethod = ApplicationEntity.WINDOW;
            return;
        }
        if (!ApplicationEntity.POST.equals(d.method)) {
            throw Problem.badRequest("INVALID_APPLICATION", "delivery.method 应为 WINDOW（窗口领取）或 POST（邮寄）");
        }
        a.deliveryMethod = ApplicationEntity.POST;
        a.postRecipient = text(d.recipient, "delivery.recipient", 64, true);
        a.postPhone = Mobiles.check(d.phone);
        a.postAddress = text(d.address, "delivery.address", 300, true);
        if (a.postAddress.length() < 8) {
            throw Problem.badRequest("INVALID_APPLICATION", "delivery.address 请填写完整的邮寄地址（省市区、街道门牌）");
        }
    }

    private static String text(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw Problem.badRequest("INVALID_APPLICATION", field + " 必填");
            }
            return null;
        }
        if (v.length() > max || v.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            throw Problem.badRequest("INVALID_APPLICATION", field + " 最多 " + max + " 字，且不能含控制字符");
        }
        return v;
    }

    private ApplicationEntity own(Citizen citizen, String caseNo) {
        ApplicationEntity a = db.tx(em -> caseNo == null ? null : em.find(ApplicationEntity.class, caseNo));
        if (a == null || !a.citizenId.equals(citizen.idNumber())) {
            // another citizen's application is not told apart from one that does not exist
            throw notFound(caseNo);
        }
        return a;
    }

    private ApplicationEntity find(String caseNo) {
        ApplicationEntity a = db.tx(em -> caseNo == null ? null : em.find(ApplicationEntity.class, caseNo));
        if (a == null) {
            throw notFound(caseNo);
        }
        return a;
    }

    private static Problem notFound(String caseNo) {
        return Problem.notFound("APPLICATION_NOT_FOUND", "没有网上申办件 " + caseNo);
    }

    private static void requireState(ApplicationEntity a, Set<ApplicationState> allowed, String what) {
        if (!allowed.contains(a.state)) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATE", "申办件 " + a.caseNo + " 当前为 " + a.state + "，不能" + what);
        }
    }

    /** The files of a case by material code, in upload order. */
    private Map<String, List<OnlineFileDTO>> files(String caseNo) {
        return db.tx(em -> filesOf(em, caseNo));
    }

    private static Map<String, List<OnlineFileDTO>> filesOf(EntityManager em, String caseNo) {
        return em.createQuery("SELECT f FROM OnlineFileEntity f WHERE f.caseNo = :c ORDER BY f.scanId", OnlineFileEntity.class)
                .setParameter("c", caseNo).getResultList().stream().collect(Collectors.groupingBy(f -> f.materialCode,
                        java.util.LinkedHashMap::new, Collectors.mapping(OnlineFileEntity::toDTO, Collectors.toList())));
    }

    /** A list entry: no case read (and so no audit line) per application. */
    private ApplicationDTO summary(ApplicationEntity a) {
        ApplicationDTO dto = base(a);
        CatalogItemDTO item = catalog.get(a.itemCode);
        dto.itemName = item.name;
        dto.departmentName = item.department.name;
        dto.nextStep = NextSteps.application(a.state, null);
        return dto;
    }

    private ApplicationDTO view(ApplicationEntity a, CaseDTO c, Map<String, List<OnlineFileDTO>> files) {
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
        dto.payment = payment(a.caseNo);
        dto.nextStep = NextSteps.application(dto.state, c);
        return dto;
    }

    private PaymentOrderDTO payment(String caseNo) {
        return db.tx(em -> PaymentOrderEntity.forCase(em, caseNo).map(PaymentOrderEntity::toDTO).orElse(null));
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
        dto.createdAt = a.createdAt.toInstant().toString();
        dto.submittedAt = a.submittedAt == null ? null : a.submittedAt.toInstant().toString();
        dto.reviewedAt = a.reviewedAt == null ? null : a.reviewedAt.toInstant().toString();
        dto.reviewedBy = a.reviewedBy;
        return dto;
    }
}
