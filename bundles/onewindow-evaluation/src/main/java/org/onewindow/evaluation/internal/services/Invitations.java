package org.onewindow.evaluation.internal.services;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

import org.onewindow.citizen.Mobiles;
import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.internal.Tokens;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts a citizen a link to rate a finished service (主动邀评): at hand-out, and once more when the case is still unrated
 * some days later ({@link InvitationRule}). Each text carries a one-time link of its own, kept only as its hash; any of a
 * service's links is spent once the service is rated. Without a public address the text names the kiosk and the online hall.
 */
public final class Invitations {
    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
    private final Supplier<Notifier> notifier;
    private final String hall;
    private final String base;

    public Invitations(Supplier<Notifier> notifier, String hall, String publicBaseUrl) {
        this.notifier = notifier;
        this.hall = hall;
        this.base = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "");
    }

    /** A new link for the service, in the caller's transaction: the token to put in the text (null without a public address). */
    public String link(Connection c, long serviceId, Instant now) throws SQLException {
        if (base == null) {
            return null;
        }
        String token = Tokens.next(18);
        Jdbc.update(c, "INSERT INTO EVAL_LINK (TOKEN_HASH, SERVICE_ID, SENT_AT) VALUES (?, ?, ?)", Tokens.hash(token), serviceId, now);
        return token;
    }

    /** Hands the text to the notifier (after the link's transaction committed); answers whether it was sent. */
    public boolean send(String mobile, String caseNo, String itemName, String token, boolean reminder) {
        Notifier channel = notifier.get();
        if (channel == null || mobile == null) {
            LOG.warn("No notifier running: no invitation to rate case {}", caseNo);
            return false;
        }
        NoticeDTO n = new NoticeDTO();
        n.kind = NoticeKind.RATING_INVITATION;
        n.mobile = mobile;
        n.reference = caseNo;
        n.text = text(hall, caseNo, itemName, token == null ? null : base + "/rate/link.html#" + token, reminder);
        n.sentAt = Instant.now().toString();
        try {
            channel.send(n);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Invitation to rate case {} not sent to {}: {}", caseNo, Mobiles.mask(mobile), e.toString());
            return false;
        }
    }

    static String text(String hall, String caseNo, String itemName, String link, boolean reminder) {
        String what = "您办理的「" + itemName + "」（办件号 " + caseNo + "）";
        String ask = reminder ? "已办结，您还没有评价，欢迎对我们的服务作出评价" : "已办结，欢迎对我们的服务作出评价";
        String where = link == null ? "：可在大厅自助终端或网上办事大厅凭办件号评价。" : "：" + link + " （仅限本次评价使用）";
        return "【" + hall + "】" + what + ask + where;
    }
}
