package org.onewindow.online.internal.notices;

import java.util.Optional;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.Channel;
import org.onewindow.online.NoticeKind;

import com.fasterxml.jackson.databind.JsonNode;

/** What a citizen is told when their case moves, from the case's journal record; nothing for the quiet steps. */
public final class CaseNoticeTexts {
    private CaseNoticeTexts() {
    }

    /** A notice to send: its kind and text. */
    record Text(NoticeKind kind, String text) {
    }

    static Optional<Text> of(JsonNode c) {
        String no = c.path("caseNo").asText();
        String item = "“" + c.path("itemName").asText() + "”（" + no + "）";
        JsonNode d = c.path("delivery");
        return switch (c.path("status").asText()) {
            case "SUPPLEMENT_REQUESTED" -> text(NoticeKind.CASE_SUPPLEMENT, "您办理的" + item + "需补正材料：" + join(c.path("supplementMaterials"))
                    + "。请到任一综合窗口提交，补正期间不计入办理时限。");
            case "APPROVED" -> text(NoticeKind.CASE_DECIDED, "您办理的" + item + "已审批通过，结果正在出件。");
            case "DENIED" -> text(NoticeKind.CASE_DECIDED, "您办理的" + item + "未予批准：" + c.path("decision").path("reason").asText()
                    + "。详情请登录网上办事大厅查看。");
            // the same words as the citizen's case page: no pickup code for an online applicant, who never got one
            case "READY_FOR_PICKUP" -> text(NoticeKind.RESULT_READY, "您办理的" + item + "结果已办好，"
                    + NextSteps.pickup("ONLINE".equals(c.path("channel").asText()) ? Channel.ONLINE : Channel.WINDOW) + "。");
            case "DELIVERED" -> "POST".equals(d.path("method").asText())
                    ? text(NoticeKind.RESULT_POSTED, "您办理的" + item + "结果已交 " + d.path("carrier").asText() + " 寄出，运单号 "
                            + d.path("trackingNo").asText() + "。")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An online application accepted: its case number and, when it has one, the promised day. */
    public static String accepted(String lead, CaseDTO c) {
        return "【区行政服务中心】" + lead + "您网上申办的“" + c.itemName + "”已受理，办件号 " + c.caseNo
                + (c.timeLimit != null && c.timeLimit.deadline != null ? "，承诺 " + c.timeLimit.deadline + "（含）前办结" : "") + "。";
    }

    private static Optional<Text> text(NoticeKind kind, String text) {
        return Optional.of(new Text(kind, "【区行政服务中心】" + text));
    }

    private static String join(JsonNode list) {
        StringBuilder b = new StringBuilder();
        list.forEach(m -> b.append(b.length() == 0 ? "" : "、").append(m.asText()));
        return b.length() == 0 ? "见一次性告知书" : b.toString();
    }
}
