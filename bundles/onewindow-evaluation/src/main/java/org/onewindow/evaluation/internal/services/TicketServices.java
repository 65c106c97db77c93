package org.onewindow.evaluation.internal.services;

import java.time.Instant;

import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.queue.ServedTicketDTO;

/**
 * A number served at a window without a case (a question answered, 咨询) as a service to rate: rated at its end, once, under
 * the key {@code Q-<day>-<number>}, counted under its queue group (no department decided anything).
 */
public final class TicketServices {
    private TicketServices() {
    }

    public static ServiceRecord of(ServedTicketDTO t) {
        return new ServiceRecord(key(t.day(), t.number()), Stage.DELIVERY, ServiceKind.WINDOW, true,
                t.itemCode() != null ? t.itemCode() : "QUEUE-" + t.group(), "窗口服务（" + t.groupName() + "）", "QUEUE-" + t.group(),
                t.groupName(), t.clerk(), null, Instant.parse(t.finishedAt()));
    }

    public static String key(String day, String number) {
        return "Q-" + day + "-" + number;
    }
}
