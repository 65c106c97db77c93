package org.onewindow.online.internal.realname;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onewindow.node.StatusContributor;
import org.onewindow.online.RealNameResult;
import org.onewindow.online.RealNameVerifier;
import org.onewindow.online.internal.common.OutgoingLink;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Json;
import org.onewindow.security.Hmac;
import org.onewindow.security.SignedBodies;
import org.onewindow.tls.JdkLinks;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerTrust;
import org.onewindow.tls.TlsFailures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The real-name verification service of OneWindow's signed HTTP protocol (the real-name simulator speaks
 * it): {@code POST <url>/v1/verifications} with {@code {"requestId","idNumber","name","mobile"}}, signed
 * with this hall's Ed25519 key over the timestamp, a dot and the body ({@value #CLIENT} names the hall,
 * the signature and timestamp go as {@link SignedBodies}' headers); the answer {@code {"requestId","result",
 * "reference"}} must be signed the same way with the service's key, name this request and be at most five
 * minutes old, or it is no answer. Public keys both ways: nothing the service could lose lets anyone
 * speak for the hall, and nothing the hall keeps lets anyone forge a "verified".
 * <p>
 * The hall's key pair is made at the first start ({@code data/onewindow/realname/hall-key.pem}, 0600);
 * district IT gives the service {@code hall-key.pub.pem} and puts the service's public key where
 * {@code platformKey} says. Without a {@code url} the path is not offered.
 */
@Component(service = {RealNameVerifier.class, StatusContributor.class}, configurationPid = RealNameConfig.PID, property = "channel=http", immediate = true)
@Designate(ocd = RealNameConfig.class)
public class HttpRealNameVerifier implements RealNameVerifier, StatusContributor {
    static final String CLIENT = "X-OneWindow-Client";
    private static final Logger LOG = LoggerFactory.getLogger(HttpRealNameVerifier.class);
    private static final long SKEW_SECONDS = 300;
    private static final TypeReference<Map<String, String>> ANSWER = new TypeReference<>() {
    };

    private final Path keys = Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "realname");
    private volatile KeyPair hall;
    private volatile String url;
    private volatile String appId;
    private volatile Path platformKey;
    private volatile Duration timeout;
    private volatile HttpClient client;
    private volatile boolean allowHttp;

    private final OutgoingLink link = new OutgoingLink();

    @Reference
    OutgoingTls tls;

    @Activate
    @Modified
    void configure(RealNameConfig config) throws IOException, GeneralSecurityException {
        url = config.url().strip().replaceAll("/+$", "");
        appId = config.appId().strip();
        Path key = Paths.get(config.platformKey().strip());
        platformKey = key.isAbsolute() ? key : Paths.get(System.getProperty("karaf.home", "")).resolve(key);
        timeout = Duration.ofSeconds(config.timeoutSeconds());
        allowHttp = config.allowHttp();
        PeerTrust trust = PeerTrust.pinned(config.tlsPin(), config.clientCertificate());
        client = url.isEmpty() ? null : JdkLinks.client(tls, URI.create(url), trust, timeout);
        link.configure(url, trust);
        if (hall == null) {
            hall = Ed25519Keys.loadOrCreate(keys.resolve("hall-key.pem"), keys.resolve("hall-key.pub.pem"));
        }
        LOG.info("Real-name verification {}; this hall's public key for the service is {}", url.isEmpty() ? "not configured (url)"
                : "at " + url + " as " + appId + (Files.isReadable(platformKey) ? "" : ", but without the service's key " + platformKey),
                keys.resolve("hall-key.pub.pem"));
    }

    @Override
    public boolean available() {
        return !url.isEmpty() && Files.isReadable(platformKey);
    }

    @Override
    public RealNameResult verify(String idNumber, String name, String mobile) {
        if (!available()) {
            throw unavailable("not configured");
        }
        String requestId = UUID.randomUUID().toString();
        Map<String, String> question = new LinkedHashMap<>();
        question.put("requestId", requestId);
        question.put("idNumber", idNumber);
        question.put("name", name);
        question.put("mobile", mobile);
        byte[] body = Json.bytes(question);
        try {
            tls.checkScheme("the real-name service", URI.create(url), allowHttp);
        } catch (IllegalArgumentException e) {
            link.failed(TlsFailures.INSECURE_URL, e.getMessage());
            throw new Problem(ProblemKind.UNAVAILABLE, TlsFailures.INSECURE_URL, "实名核验服务地址须为 https://（明文 HTTP 仅限测试或演示）");
        }
        try {
            PublicKey platform = Ed25519Keys.readPublic(platformKey);
            long now = Instant.now().getEpochSecond();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/verifications")).timeout(timeout)
                    .header("Content-Type", "application/json").header(CLIENT, appId)
                    .header(SignedBodies.TIMESTAMP, Long.toString(now))
                    .header(SignedBodies.SIGNATURE, Ed25519Keys.sign(hall.getPrivate(), signed(now, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw unavailable("answered " + r.statusCode());
            }
            String at = r.headers().firstValue(SignedBodies.TIMESTAMP).orElse("");
            long answeredAt = at.matches("\\d{1,12}") ? Long.parseLong(at) : 0;
            if (Math.abs(Instant.now().getEpochSecond() - answeredAt) > SKEW_SECONDS
                    || !Ed25519Keys.verify(platform, signed(answeredAt, r.body()), r.headers().firstValue(SignedBodies.SIGNATURE).orElse(null))) {
                throw unavailable("answer without the service's valid signature");
            }
            Map<String, String> answer = answer(r.body());
            if (answer == null || !requestId.equals(answer.get("requestId"))) {
                throw unavailable("answer to another request");
            }
            String result = answer.getOrDefault("result", "");
            if (!"MATCH".equals(result) && !"MISMATCH".equals(result)) {
                throw unavailable("result " + result);
            }
            link.succeeded();
            return new RealNameResult("MATCH".equals(result), answer.get("reference"));
        } catch (IOException | GeneralSecurityException e) {
            if (TlsFailures.isTls(e)) {
                link.failed(TlsFailures.UNTRUSTED, TlsFailures.describe(e));
                throw new Problem(ProblemKind.UNAVAILABLE, TlsFailures.UNTRUSTED, "实名核验服务的证书不受信任（" + TlsFailures.describe(e) + "）");
            }
            throw unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    /** The signed answer's fields; a signed answer that is not what the protocol says is no answer either. */
    private static Map<String, String> answer(byte[] body) {
        try {
            return Json.read(body, ANSWER);
        } catch (RuntimeException e) {
            throw unavailable("answer is not the protocol's JSON");
        }
    }

    private static byte[] signed(long epochSeconds, byte[] body) {
        byte[] prefix = Hmac.utf8(epochSeconds + ".");
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    private static Problem unavailable(String why) {
        LOG.warn("Real-name verification gave no answer: {}", why);
        return new Problem(ProblemKind.UNAVAILABLE, "REAL_NAME_UNAVAILABLE", "实名核验服务暂不可用，请稍后再试，或携带身份证到综合窗口绑定手机号");
    }

    @Override
    public String capability() {
        return "real-name service";
    }

    @Override
    public Map<String, Object> status() {
        return link.status();
    }
}
