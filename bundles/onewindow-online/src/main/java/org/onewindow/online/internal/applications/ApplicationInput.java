package org.onewindow.online.internal.applications;

import org.onewindow.online.DeliveryChoiceDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.problem.Problem;

/** What a citizen or a clerk types into an online application, checked: {@code INVALID_APPLICATION} naming the field otherwise. */
final class ApplicationInput {
    private ApplicationInput() {
    }

    /** How the result is delivered: at the window (also when nothing is chosen), or by post to a whole address. */
    static void delivery(ApplicationEntity a, DeliveryChoiceDTO d) {
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

    /** The text stripped, at most {@code max} characters and no control character but a line break; null if blank and not required. */
    static String text(String value, String field, int max, boolean required) {
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
}
