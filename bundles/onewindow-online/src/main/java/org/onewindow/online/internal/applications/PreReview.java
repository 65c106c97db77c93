package org.onewindow.online.internal.applications;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.catalog.CatalogService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.ReturnDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.notices.CaseContacts;
import org.onewindow.online.internal.notices.CaseNoticeTexts;
import org.onewindow.online.internal.notices.Notices;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk's side of online applications (预审): the queue, and each submitted application accepted (the case
 * {@code ACCEPTED} without a visit, or waiting for its fee), returned with a notice of what to upload again, or
 * refused. The citizen is told at the case's own contact once the change is made.
 */
final class PreReview {
    private static final Logger LOG = LoggerFactory.getLogger(PreReview.class);
    private static final int MAX_TEXT = 1000;

    private final IntakeService intake;
    private final CatalogService catalog;
    private final Notices notices;
    private final ApplicationRecords records;
    private final ApplicationViews views;

    PreReview(IntakeService intake, CatalogService catalog, Notices notices, ApplicationRecords records, ApplicationViews views) {
        this.intake = intake;
        this.catalog = catalog;
        this.notices = notices;
        this.records = records;
        this.views = views;
    }

    List<ApplicationDTO> queue(Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        return records.submitted().stream().map(views::summary).collect(Collectors.toList());
    }

    ApplicationDTO review(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        ApplicationEntity a = records.find(caseNo);
        return views.view(a, intake.get(caseNo, actor), records.files(caseNo));
    }

    ApplicationDTO accept(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        ApplicationEntity a = records.find(caseNo);
        ApplicationRecords.requireState(a, Set.of(ApplicationState.SUBMITTED), "预审通过");
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
        ApplicationEntity done = records.settle(caseNo, ApplicationState.ACCEPTED, actor.name());
        LOG.info("Online application {} accepted by {} after pre-review", caseNo, actor);
        tell(done, c, NoticeKind.APPLICATION_ACCEPTED, CaseNoticeTexts.accepted("", c));
        return views.view(done, c, records.files(caseNo));
    }

    /** Pre-review passed for an item with a fee: one payment order, and the case waits for it. */
    private ApplicationDTO awaitPayment(ApplicationEntity a, CaseDTO c, BigDecimal fee, Actor actor) {
        ApplicationEntity done = records.awaitPayment(a.caseNo, c.itemName, fee, actor.name());
        LOG.info("Online application {} passed pre-review by {}; {} yuan to pay", a.caseNo, actor, fee);
        tell(done, c, NoticeKind.PAYMENT_DUE, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + a.caseNo + "）已通过预审，请在“我的申办”中缴费 "
                + fee.toPlainString() + " 元，缴费后即受理。");
        return views.view(done, c, records.files(a.caseNo));
    }

    ApplicationDTO returnToCitizen(String caseNo, ReturnDTO notice, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (notice == null) {
            throw Problem.badRequest("INVALID_APPLICATION", "请填写退回原因：materials（需补传的材料编码）和 note");
        }
        String note = ApplicationInput.text(notice.note, "note", MAX_TEXT, false);
        Set<String> codes = notice.materials == null ? Set.of() : notice.materials.stream().filter(m -> m != null && !m.isBlank())
                .map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
        if (codes.isEmpty() && note == null) {
            throw Problem.badRequest("INVALID_APPLICATION", "退回须列出需补传的材料或写明原因");
        }
        ApplicationEntity a = records.find(caseNo);
        ApplicationRecords.requireState(a, Set.of(ApplicationState.SUBMITTED), "退回");
        CaseDTO c = intake.get(caseNo, actor);
        Map<String, String> names = c.materials.stream().collect(Collectors.toMap(m -> m.code, m -> m.name));
        List<String> unknown = codes.stream().filter(code -> !names.containsKey(code)).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw Problem.badRequest("MATERIAL_NOT_IN_CATALOG", "事项材料中没有：" + String.join("、", unknown));
        }
        ApplicationEntity done = records.returnToCitizen(caseNo, codes, note, actor.name());
        LOG.info("Online application {} returned by {}: {}", caseNo, actor, codes);
        tell(done, c, NoticeKind.APPLICATION_RETURNED, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + caseNo + "）预审未通过，请"
                + (codes.isEmpty() ? "" : "重新上传：" + codes.stream().map(names::get).collect(Collectors.joining("、")) + "；")
                + (note == null ? "" : note) + " 补齐后再次提交即可，无需到现场。");
        return views.view(done, c, records.files(caseNo));
    }

    ApplicationDTO reject(String caseNo, String reason, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        String why = ApplicationInput.text(reason, "reason", MAX_TEXT, true);
        ApplicationEntity a = records.find(caseNo);
        ApplicationRecords.requireState(a, Set.of(ApplicationState.SUBMITTED), "不予受理");
        TransitionDTO t = new TransitionDTO();
        t.to = CaseStatus.REJECTED;
        t.reason = why;
        t.note = "网上预审：不予受理";
        CaseDTO c = intake.transition(caseNo, t, actor);
        ApplicationEntity done = records.reject(caseNo, why, actor.name());
        LOG.info("Online application {} rejected by {}", caseNo, actor);
        tell(done, c, NoticeKind.APPLICATION_REJECTED, "【区行政服务中心】您网上申办的“" + c.itemName + "”（" + caseNo + "）不予受理：" + why);
        return views.view(done, c, records.files(caseNo));
    }

    /** Tells the citizen at the case's own contact: the verified mobile they applied with, not one bound later. */
    private void tell(ApplicationEntity a, CaseDTO c, NoticeKind kind, String text) {
        notices.tell(kind, a.citizenId, CaseContacts.mobile(c), a.caseNo, text);
    }
}
