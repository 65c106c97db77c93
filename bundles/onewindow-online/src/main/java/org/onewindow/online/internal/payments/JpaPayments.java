package org.onewindow.online.internal.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.Citizen;
import org.onewindow.online.GatewayPaymentDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.PaymentGateway;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.PaymentStatus;
import org.onewindow.online.Payments;
import org.onewindow.online.ReconciliationDTO;
import org.onewindow.online.internal.common.ApplicationEntity;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.online.internal.common.PaymentOrderEntity;
import org.onewindow.online.internal.notices.CaseContacts;
import org.onewindow.online.internal.notices.CaseNoticeTexts;
import org.onewindow.online.internal.notices.Notices;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment orders on Derby. An order is paid by one conditional update ({@code UNPAID} to {@code PAID}),
 * so a notification that comes twice, or at once with the citizen's query, pays it once; the case is
 * then accepted, and a failed acceptance is tried again by the next word of the gateway.
 */
@Component(service = Payments.class, configurationPid = OnlineConfig.PID)
public class JpaPayments implements Payments {
    private static final Logger LOG = LoggerFactory.getLogger(JpaPayments.class);
    private static final Actor PAYMENT = Actor.system("online-payment");

    @Reference
    OnlineDatabase db;

    @Reference
    IntakeService intake;

    @Reference
    Notices notices;

    /** The gateway named by {@code gateway.target}, while one is configured. */
    @Reference(name = "gateway", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PaymentGateway gateway;

    private volatile String publicBaseUrl;
    private volatile ZoneId zone;

    @Activate
    @Modified
    void configure(OnlineConfig config) {
        publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
        zone = ZoneId.of(config.zone());
    }

    @Override
    public PaymentOrderDTO order(Citizen citizen, String caseNo) {
        PaymentOrderEntity o = db.tx(em -> PaymentOrderEntity.forCase(em, caseNo).orElse(null));
        if (o == null || !o.citizenId.equals(citizen.idNumber())) {
            throw Problem.notFound("ORDER_NOT_FOUND", "申办件 " + caseNo + " 没有缴费单");
        }
        PaymentGateway gw = gateway();
        ApplicationState state = db.tx(em -> em.find(ApplicationEntity.class, caseNo)).state;
        if (o.status == PaymentStatus.UNPAID && state != ApplicationState.AWAITING_PAYMENT) {
            // withdrawn (or moved on at a window) before paying: nothing is to be paid any more
            return o.toDTO();
        }
        if (o.status == PaymentStatus.UNPAID) {
            // the notification may be late or lost: the gateway is asked when the citizen comes back
            Optional<GatewayPaymentDTO> there = gw.query(o.orderNo);
            if (there.isPresent() && there.get().paid()) {
                apply(there.get(), "QUERY");
                return order(citizen, caseNo);
            }
        } else {
            acceptIfWaiting(o.caseNo);
        }
        PaymentOrderDTO dto = o.toDTO();
        if (o.status == PaymentStatus.UNPAID) {
            dto.payUrl = gw.checkout(dto, URI.create(publicBaseUrl + "/api/v1/public/online/payments/notify"),
                    URI.create(publicBaseUrl + "/online/#/apply/" + caseNo)).toString();
        }
        return dto;
    }

    @Override
    public String notified(Map<String, String> headers, byte[] body) {
        PaymentGateway gw = gateway();
        GatewayPaymentDTO p;
        try {
            p = gw.verify(headers, body);
        } catch (Problem e) {
            record(null, PaymentEventEntity.BAD_SIGNATURE, e.getMessage());
            LOG.warn("Payment notification refused: {}", e.code());
            throw e;
        }
        if (p.paid()) {
            apply(p, "NOTIFY");
        }
        return gw.acknowledgement();
    }

    /** Pays the order the gateway reports paid, once; then accepts its case. */
    private void apply(GatewayPaymentDTO p, String via) {
        PaymentOrderEntity o = db.tx(em -> em.find(PaymentOrderEntity.class, p.orderNo));
        if (o == null) {
            record(p.orderNo, PaymentEventEntity.ORDER_NOT_FOUND, "tradeNo " + p.tradeNo);
            throw Problem.notFound("ORDER_NOT_FOUND", "没有缴费单 " + p.orderNo);
        }
        if (o.amount.compareTo(p.amount) != 0) {
            record(o.orderNo, PaymentEventEntity.AMOUNT_MISMATCH, "order " + o.amount.toPlainString() + ", gateway " + p.amount.toPlainString()
                    + ", tradeNo " + p.tradeNo + " (" + via + ")");
            LOG.warn("Payment of {} for {} refused: the order is for {}", p.orderNo, p.amount, o.amount);
            throw new Problem(ProblemKind.CONFLICT, "AMOUNT_MISMATCH", "缴费金额与缴费单不符：应缴 " + o.amount.toPlainString() + " 元");
        }
        boolean first = db.tx(em -> {
            int paid = em.createNativeQuery("UPDATE PAYMENT_ORDER SET STATUS = 'PAID', TRADE_NO = ?, PAID_AT = ?, PAID_VIA = ?"
                    + " WHERE ORDER_NO = ? AND STATUS = 'UNPAID'").setParameter(1, p.tradeNo).setParameter(2, new Timestamp(System.currentTimeMillis()))
                    .setParameter(3, via).setParameter(4, o.orderNo).executeUpdate();
            em.persist(PaymentEventEntity.of(o.orderNo, paid == 1 ? PaymentEventEntity.PAID : PaymentEventEntity.DUPLICATE,
                    "tradeNo " + p.tradeNo + " (" + via + ")"));
            return paid == 1;
        });
        LOG.info("Payment order {} {} by {} ({} yuan, trade {})", o.orderNo, first ? "paid" : "told again", via, o.amount, p.tradeNo);
        acceptIfWaiting(o.caseNo);
    }

    /** Accepts the case of a paid order whose application still waits; anyone may run it again. */
    private void acceptIfWaiting(String caseNo) {
        ApplicationEntity a = db.tx(em -> em.find(ApplicationEntity.class, caseNo));
        if (a == null || a.state != ApplicationState.AWAITING_PAYMENT) {
            return;
        }
        try {
            CaseDTO c;
            if (intake.checkVisible(caseNo, PAYMENT) == CaseStatus.DRAFT) {
                TransitionDTO t = new TransitionDTO();
                t.to = CaseStatus.ACCEPTED;
                t.note = "网上缴费完成，网上受理";
                c = intake.transition(caseNo, t, PAYMENT);
            } else {
                c = intake.get(caseNo, PAYMENT);
            }
            boolean moved = db.tx(em -> em.createNativeQuery("UPDATE ONLINE_APPLICATION SET STATE = 'ACCEPTED' WHERE CASE_NO = ?"
                    + " AND STATE = 'AWAITING_PAYMENT'").setParameter(1, caseNo).executeUpdate() == 1);
            if (moved) {
                LOG.info("Online application {} accepted on payment", caseNo);
                notices.tell(NoticeKind.APPLICATION_ACCEPTED, a.citizenId, CaseContacts.mobile(c), caseNo,
                        CaseNoticeTexts.accepted("您已缴费，", c));
            }
        } catch (Problem e) {
            // paid but not accepted (say a licence was revoked meanwhile): the window sees it waiting, paid
            LOG.error("Paid application {} could not be accepted: {} {}", caseNo, e.code(), e.getMessage());
        }
    }

    @Override
    public ReconciliationDTO reconcile(LocalDate day, Actor actor) {
        actor.requireAny(Set.of(Actor.SUPERVISOR, Actor.ADMIN));
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<PaymentOrderEntity> paidHere = db.tx(em -> em.createQuery("SELECT o FROM PaymentOrderEntity o WHERE o.paidAt >= :f"
                + " AND o.paidAt < :t", PaymentOrderEntity.class).setParameter("f", from).setParameter("t", to).getResultList());
        List<GatewayPaymentDTO> there = gateway().statement(day);
        Map<String, GatewayPaymentDTO> byOrder = new HashMap<>();
        there.forEach(p -> byOrder.put(p.orderNo, p));
        ReconciliationDTO r = new ReconciliationDTO();
        r.day = day.toString();
        r.paidHere = paidHere.size();
        r.totalHere = paidHere.stream().map(o -> o.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        r.paidAtGateway = there.size();
        r.totalAtGateway = there.stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        r.mismatches = new ArrayList<>();
        for (PaymentOrderEntity o : paidHere) {
            GatewayPaymentDTO p = byOrder.remove(o.orderNo);
            if (p == null) {
                r.mismatches.add(mismatch(o.orderNo, "PAID_HERE_ONLY", o.amount, null, o.tradeNo));
            } else if (p.amount.compareTo(o.amount) != 0) {
                r.mismatches.add(mismatch(o.orderNo, "AMOUNT_DIFFERS", o.amount, p.amount, p.tradeNo));
            }
        }
        for (GatewayPaymentDTO p : byOrder.values()) {
            PaymentOrderEntity o = db.tx(em -> em.find(PaymentOrderEntity.class, p.orderNo));
            r.mismatches.add(mismatch(p.orderNo, "PAID_AT_GATEWAY_ONLY", o == null ? null : o.amount, p.amount, p.tradeNo));
        }
        r.events = db.tx(em -> em.createQuery("SELECT e FROM PaymentEventEntity e WHERE e.at >= :f AND e.at < :t AND e.kind <> :paid"
                + " ORDER BY e.id", PaymentEventEntity.class).setParameter("f", from).setParameter("t", to)
                .setParameter("paid", PaymentEventEntity.PAID).getResultList()).stream().map(PaymentEventEntity::toDTO).collect(Collectors.toList());
        LOG.info("Reconciliation of {} by {}: {} paid here, {} at the gateway, {} mismatches", day, actor, r.paidHere, r.paidAtGateway,
                r.mismatches.size());
        return r;
    }

    private static ReconciliationDTO.Mismatch mismatch(String orderNo, String kind, BigDecimal here, BigDecimal there, String tradeNo) {
        ReconciliationDTO.Mismatch m = new ReconciliationDTO.Mismatch();
        m.orderNo = orderNo;
        m.kind = kind;
        m.amountHere = here;
        m.amountAtGateway = there;
        m.tradeNo = tradeNo;
        return m;
    }

    private void record(String orderNo, String kind, String detail) {
        db.tx(em -> {
            em.persist(PaymentEventEntity.of(orderNo, kind, detail));
            return null;
        });
    }

    private PaymentGateway gateway() {
        PaymentGateway gw = gateway;
        if (gw == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "网上缴费未开通（未配置支付平台），请到综合窗口缴费");
        }
        return gw;
    }
}
