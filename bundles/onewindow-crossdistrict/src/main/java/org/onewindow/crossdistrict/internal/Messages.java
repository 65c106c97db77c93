package org.onewindow.crossdistrict.internal;

import java.io.IOException;
import java.util.List;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.RemoteDecisionDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.databind.DeserializationFeature;

/** Reading what other districts send: leniently, since a district may run a newer version with more fields. */
final class Messages {
    private Messages() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (IOException e) {
            // the message names no Java type (the record's class, Jackson's own words)
            throw new Problem(ProblemKind.BAD_REQUEST, "MESSAGE_UNREADABLE", "无法读取市级枢纽转来的消息：内容与预期结构不符");
        }
    }

    /**
     * The deciding district's decision, from its copy of the case as its journal carried it to the hub:
     * approval, denial, or the materials asked for (补正), with who decided and when.
     */
    static RemoteDecisionDTO decision(CaseDTO decided) {
        RemoteDecisionDTO d = new RemoteDecisionDTO();
        d.caseNo = decided.caseNo;
        d.deliveryKey = decided.originDelivery;
        switch (decided.status == null ? "" : decided.status.name()) {
            case "APPROVED" -> {
                d.decision = "APPROVED";
                d.resultDocument = decided.decision == null ? null : decided.decision.resultDocument;
                d.licenceNo = decided.decision == null ? null : decided.decision.licenceNo;
            }
            case "DENIED" -> {
                d.decision = "DENIED";
                d.reason = decided.decision == null ? null : decided.decision.reason;
                d.legalBasis = decided.decision == null ? null : decided.decision.legalBasis;
            }
            case "SUPPLEMENT_REQUESTED" -> {
                d.decision = "SUPPLEMENT";
                d.materials = decided.supplementMaterials;
            }
            default -> throw Problem.badRequest("MESSAGE_UNREADABLE", "办件 " + decided.caseNo + " 在审批地为 " + decided.status + "，不是审批决定");
        }
        List<HistoryEntryDTO> history = decided.history;
        if (history != null && !history.isEmpty()) {
            HistoryEntryDTO last = history.get(history.size() - 1);
            d.decidedBy = last.by;
            d.decidedAt = last.at;
        }
        return d;
    }
}
