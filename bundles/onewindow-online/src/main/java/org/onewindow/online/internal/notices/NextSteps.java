package org.onewindow.online.internal.notices;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.online.ApplicationState;

/** What a citizen should do next, in words, from where their application or case stands. */
public final class NextSteps {
    private NextSteps() {
    }

    /** The application's state as the case has it: a case moved at a window (accepted, refused, withdrawn) wins. */
    public static ApplicationState stateOf(ApplicationState state, CaseStatus status) {
        return switch (status) {
            case DRAFT -> state;
            case REJECTED -> ApplicationState.REJECTED;
            case WITHDRAWN -> state == ApplicationState.ACCEPTED ? state : ApplicationState.WITHDRAWN;
            default -> ApplicationState.ACCEPTED;
        };
    }

    public static String application(ApplicationState state, CaseDTO c) {
        return switch (state) {
            case DRAFT -> "请上传所需材料，然后提交预审";
            case SUBMITTED -> "已提交，等待窗口工作人员预审（工作日一般当日完成）";
            case RETURNED -> "预审退回：请按告知重新上传材料后再次提交";
            case AWAITING_PAYMENT -> "预审已通过，请缴费；缴费后即受理";
            case REJECTED -> "不予受理";
            case WITHDRAWN -> "已撤回";
            default -> c == null ? "已受理" : forCase(c.status, c.supplementMaterials, c.delivery == null ? null : c.delivery.method,
                    c.timeLimit == null ? null : c.timeLimit.deadline, c.channel);
        };
    }

    /** For a case past acceptance (or any case of the citizen's, from whichever channel: {@code channel}). */
    public static String forCase(CaseStatus status, java.util.List<String> supplement, String deliveredBy, String deadline, Channel channel) {
        return switch (status) {
            case DRAFT -> "收件中：请按一次性告知补齐材料";
            case ACCEPTED, IN_REVIEW -> deadline == null ? "审批中，无需您操作" : "审批中，承诺 " + deadline + "（含）前办结，无需您操作";
            case SUPPLEMENT_REQUESTED -> "请补正材料" + (supplement == null || supplement.isEmpty() ? "" : "：" + String.join("、", supplement))
                    + "，到任一综合窗口提交；补正期间不计入办理时限";
            case APPROVED, DENIED -> "审批已完成，正在出件";
            case READY_FOR_PICKUP -> pickup(channel);
            case DELIVERED -> "POST".equals(deliveredBy) ? "结果已邮寄，请留意快递" : "WINDOW".equals(deliveredBy) ? "结果已领取，办结" : "已办结";
            case REJECTED -> "不予受理";
            default -> "已撤回";
        };
    }

    /**
     * Where a finished result is collected: the pickup code is on the receipt printed at a window or a kiosk;
     * an online applicant never got one and collects with the ID card (or receives it by post, if so chosen).
     */
    static String pickup(Channel channel) {
        return channel == Channel.ONLINE ? "请携带本人身份证到综合窗口领取结果；申办时选择邮寄的，将寄出，无需到场"
                : "请携带身份证或受理回执上的取件码到综合窗口领取结果";
    }
}
