package org.onewindow.online.internal.payments;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.onewindow.node.StatusContributor;
import org.onewindow.online.GatewayPaymentDTO;
import org.onewindow.online.PaymentGateway;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.internal.common.OutgoingLink;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Json;
import org.onewindow.security.Hmac;
import org.onewindow.security.SignedBodies;
import org.onewindow.tls.JdkLinks;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerTrust;
import org.onewindow.tls.Secrets;
import org.onewindow.tls.TlsFailures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The gateway of OneWindow's signed HTTP payment protocol (the payment gateway simulator speaks it):
 * the cashier URL carries the order and a signature over its parameters sorted by name; notifications,
 * query answers and statements are JSON signed as the relay's messages are ({@link SignedBodies}), and
 * a signature older than five minutes is refused, so a captured notification cannot be replayed later.
 */
@Component(service = {PaymentGateway.class, StatusContributor.class}, configurationPid = GatewayConfig.PID, property = "channel=http")
@Designate(ocd = GatewayConfig.class)
public class HttpPaymentGateway implements PaymentGateway, StatusContributor {
    private static final long SKEW_SECONDS = 300;
    private static final TypeReference<GatewayPaymentDTO> PAYMENT = new TypeReference<>() {
    };
    private static final TypeReference<Statement> STATEMENT = new TypeReference<>() {
    };

    private final OutgoingLink link = new OutgoingLink();

    @Reference
    OutgoingTls tls;

    private HttpClient client;
    private boolean allowHttp;
    private String url;
    private String merchant;
    private byte[] secret;
    private Duration timeout;

    /** A day's statement as the gateway sends it. */
    static class Statement {
        public String day;
        public List<GatewayPaymentDTO> trades;
    }

    @Activate
    void activate(GatewayConfig config) {
        url = config.url().replaceAll("/+$", "");
        merchant = config.merchant();
        String shared = Secrets.resolve(config.secret());
        secret = shared == null || shared.isBlank() ? null : Hmac.utf8(shared);
        timeout = Duration.ofSeconds(config.timeoutSeconds());
        allowHttp = config.allowHttp();
        PeerTrust trust = PeerTrust.pinned(config.tlsPin(), config.clientCertificate());
        client = JdkLinks.client(tls, URI.create(url), trust, timeout);
        link.configure(url, trust);
    }

    @Override
    public URI checkout(PaymentOrderDTO order, URI notifyUrl, URI returnUrl) {
        configured();
        Map<String, String> p = new TreeMap<>();
        p.put("merchant", merchant);
        p.put("orderNo", order.orderNo);
        p.put("amount", order.amount.setScale(2).toPlainString());
        p.put("subject", order.subject);
        p.put("notifyUrl", notifyUrl.toString());
        p.put("returnUrl", returnUrl.toString());
        return URI.create(url + "/cashier?" + signedQuery(p));
    }

    @Override
    public GatewayPaymentDTO verify(Map<String, String> headers, byte[] body) {
        configured();
        if (!SignedBodies.verify(secret, headers.get(SignedBodies.TIMESTAMP.toLowerCase()), headers.get(SignedBodies.SIGNATURE.toLowerCase()),
                body, Instant.now().getEpochSecond(), SKEW_SECONDS)) {
            throw new Problem(ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "缴费通知签名无效或已过期");
        }
        GatewayPaymentDTO p = Json.read(body, PAYMENT);
        if (p == null || !merchant.equals(p.merchant) || p.orderNo == null || p.amount == null || p.status == null) {
            throw Problem.badRequest("INVALID_NOTIFICATION", "缴费通知缺少 orderNo、amount 或 status，或不是本厅的商户号");
        }
        return p;
    }

    @Override
    public Optional<GatewayPaymentDTO> query(String orderNo) {
        Map<String, String> p = new TreeMap<>();
        p.put("merchant", merchant);
        GatewayPaymentDTO answer = Json.read(get("/orders/" + URLEncoder.encode(orderNo, StandardCharsets.UTF_8), p), PAYMENT);
        return "NOT_FOUND".equals(answer.status) ? Optional.empty() : Optional.of(answer);
    }

    @Override
    public List<GatewayPaymentDTO> statement(LocalDate day) {
        Map<String, String> p = new TreeMap<>();
        p.put("merchant", merchant);
        p.put("day", day.toString());
        Statement s = Json.read(get("/statement", p), STATEMENT);
        return s.trades == null ? List.of() : new ArrayList<>(s.trades);
    }

    @Override
    public String acknowledgement() {
        return "success";
    }

    /** A signed GET whose answer must be signed too. */
    private byte[] get(String path, Map<String, String> params) {
        configured();
        try {
            tls.checkScheme("the payment gateway", URI.create(url), allowHttp);
        } catch (IllegalArgumentException e) {
            link.failed(TlsFailures.INSECURE_URL, e.getMessage());
            throw new Problem(ProblemKind.UNAVAILABLE, TlsFailures.INSECURE_URL, "支付平台地址须为 https://（明文 HTTP 仅限测试或演示）");
        }
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url + path + "?" + signedQuery(params)))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || !SignedBodies.verify(secret, r.headers().firstValue(SignedBodies.TIMESTAMP).orElse(null),
                    r.headers().firstValue(SignedBodies.SIGNATURE).orElse(null), r.body(), Instant.now().getEpochSecond(), SKEW_SECONDS)) {
                throw unavailable("answered " + r.statusCode() + " without a valid signature");
            }
            link.succeeded();
            return r.body();
        } catch (IOException e) {
            if (TlsFailures.isTls(e)) {
                link.failed(TlsFailures.UNTRUSTED, TlsFailures.describe(e));
                throw new Problem(ProblemKind.UNAVAILABLE, TlsFailures.UNTRUSTED, "支付平台的证书不受信任（" + TlsFailures.describe(e) + "），未发送任何请求");
            }
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    /** The parameters with a timestamp and the signature over them sorted by name, URL-encoded. */
    private String signedQuery(Map<String, String> params) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> p = new TreeMap<>(params);
        p.put("timestamp", Long.toString(now));
        StringBuilder canonical = new StringBuilder();
        p.forEach((k, v) -> canonical.append(canonical.length() == 0 ? "" : "&").append(k).append('=').append(v));
        Map<String, String> all = new LinkedHashMap<>(p);
        all.put("sign", SignedBodies.sign(secret, now, Hmac.utf8(canonical.toString())));
        StringBuilder q = new StringBuilder();
        all.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    private void configured() {
        if (secret == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "网上缴费未开通（etc/" + GatewayConfig.PID
                    + ".cfg 未配置 secret），请到综合窗口缴费");
        }
    }

    private static Problem unavailable(String why) {
        return new Problem(ProblemKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "支付平台暂不可用（" + why + "），请稍后再试");
    }

    @Override
    public String capability() {
        return "payment gateway";
    }

    @Override
    public Map<String, Object> status() {
        return link.status();
    }
}
