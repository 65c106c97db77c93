package org.onewindow.replication.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.ChangeJournal;
import org.onewindow.node.NodeInfo;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SigningKey;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.security.Actor;
import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerCertificate;
import org.onewindow.tls.TlsFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link's registration: this district registered with the hub by district IT (with a key pair of its own, the
 * hub's certificate confirmed and pinned), another certificate of the hub pinned later, and the shipper's cycle asking
 * after a pending registration until the city approves it. District IT's changes of the link's row are made under the
 * shipper's lock, so that no cycle runs on a link half changed; the shipper is woken after.
 */
final class HubRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(HubRegistration.class);
    static final String REGISTERED = "HUB_REGISTERED";
    /** District IT pinned another certificate of the hub. */
    static final String HUB_PINNED = "HUB_CERTIFICATE_PINNED";
    /** How often a candidate key asks after its registration. */
    private static final long CANDIDATE_POLL_MILLIS = 10_000;

    private final HubLink link;
    private final LinkKeys keys;
    private final HubClient hub;
    private final OutgoingTls tls;
    private final AuditTrail trail;
    private final ChangeJournal journal;
    private final Supplier<NodeInfo> node;
    private final ReplicationConfig config;
    /** Failed calls to the hub in a row: an answer ends the run. */
    private final AtomicInteger failures;
    /** The shipper's lock: what its cycle holds. */
    private final Object cycle;
    /** Starts a shipping cycle now. */
    private final Runnable wake;

    HubRegistration(HubLink link, LinkKeys keys, HubClient hub, OutgoingTls tls, AuditTrail trail, ChangeJournal journal, Supplier<NodeInfo> node,
            ReplicationConfig config, AtomicInteger failures, Object cycle, Runnable wake) {
        this.link = link;
        this.keys = keys;
        this.hub = hub;
        this.tls = tls;
        this.trail = trail;
        this.journal = journal;
        this.node = node;
        this.config = config;
        this.failures = failures;
        this.cycle = cycle;
        this.wake = wake;
    }

    /** See {@link ReplicationShipper#register(String, String, String, Actor)}. */
    void register(String hubUrl, String enrolmentCode, String confirmedFingerprint, Actor actor) {
        String url = HubUrls.check(hubUrl);
        String pin = confirmHub(url, confirmedFingerprint);
        NodeInfo info = node.get();
        HubLink.Row old = link.read();
        if (old != null && old.legacy() && old.state != DistrictState.REVOKED && old.hubUrl.equals(url)) {
            // registered before key pairs with this hub: it knows the district; the link moves to its own key instead
            synchronized (cycle) {
                try {
                    keys.rollover(old);
                } catch (HubFailure e) {
                    throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                            "市级枢纽未接受换钥：" + e.getMessage());
                }
            }
            return;
        }
        SigningKey own = keys.forRegistration(info.districtCode, old);
        RegistrationDTO registration = new RegistrationDTO();
        registration.district = info.districtCode;
        registration.name = info.districtName;
        registration.version = info.version;
        registration.algorithm = own.algorithm().name();
        registration.publicKey = own.publicKeyBase64();
        registration.enrolmentCode = enrolmentCode == null || enrolmentCode.isBlank() ? null : enrolmentCode.strip();
        DistrictState state;
        String error = null;
        try {
            state = hub.register(url, pin, own, registration, Instant.now()).state;
        } catch (HubFailure e) {
            if (e.status != 409 || !"DISTRICT_EXISTS".equals(e.code)) {
                throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                        "市级枢纽未接受注册：" + e.getMessage());
            }
            // the hub kept this key as a candidate: wait, asking after it, until a security administrator there takes it
            state = DistrictState.PENDING;
            error = "DISTRICT_EXISTS: " + e.getMessage();
        }
        synchronized (cycle) {
            link.register(url, pin, own, state == null ? DistrictState.PENDING : state, error, Instant.now());
            keys.registered(own);
        }
        LOG.info("District {} registered with hub {} (key {}): {}{}", info.districtCode, url, own.fingerprint(), state,
                error == null ? "" : ", the code is taken there: " + error);
        trail.record(AuditEvent.of(REGISTERED, actor).on("DISTRICT", info.districtCode).detail("hub " + url + ", key " + own.algorithm().name() + " "
                + own.fingerprint() + ": " + state + (error == null ? "" : " (" + error + ")")));
        wake.run();
    }

    /** See {@link ReplicationShipper#pinHub(String, Actor)}. */
    void pinHub(String confirmedFingerprint, Actor actor) {
        HubLink.Row row = link.read();
        if (row == null) {
            throw Problem.notFound("NOT_REGISTERED", "本区尚未向市级枢纽注册");
        }
        String pin = confirmHub(row.hubUrl, confirmedFingerprint);
        synchronized (cycle) {
            link.pinHub(pin);
        }
        LOG.warn("The hub {}'s certificate is pinned anew: {} (was {})", row.hubUrl, pin, row.hubCertificate);
        trail.record(AuditEvent.of(HUB_PINNED, actor).on("DISTRICT", row.district).detail("hub " + row.hubUrl + ", certificate " + pin
                + " (was " + row.hubCertificate + ")"));
        wake.run();
    }

    /** Asks the hub after a pending registration, signed; answers how long to wait before asking again. */
    long awaitApproval(HubLink.Row row) throws HubFailure {
        RegistrationStateDTO state;
        try {
            state = hub.state(row.hubUrl, keys.of(row), Instant.now());
        } catch (HubFailure e) {
            if (!"KEY_NOT_REGISTERED".equals(e.code)) {
                throw e;
            }
            // a candidate at the hub: nothing is wrong here, the security administrator there decides
            failures.set(0);
            link.failed("KEY_NOT_REGISTERED: " + e.getMessage());
            return CANDIDATE_POLL_MILLIS;
        }
        failures.set(0);
        if (state.state == DistrictState.APPROVED) {
            link.state(DistrictState.APPROVED, null);
            journal.federated(config.hubCheckSeconds());
            LOG.info("The hub approved district {} (key {}): shipping the journal from #{}", row.district, state.fingerprint, row.acked + 1);
            return 0;
        }
        if (state.state != DistrictState.PENDING) {
            link.state(state.state, state.state == DistrictState.REVOKED ? "registration refused by the hub" : null);
        } else if (row.lastError != null) {
            link.state(DistrictState.PENDING, null);
        }
        return Math.max(config.pollMillis(), 2000);
    }

    /**
     * The fingerprint to pin for the hub at {@code url}: over HTTPS, the certificate it presents now, if it is the one
     * confirmed; over plain HTTP, null, where allowed (a test, the demo).
     */
    private String confirmHub(String url, String confirmed) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme())) {
            try {
                tls.checkScheme("the city hub", uri, config.allowHttp());
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(TlsFailures.INSECURE_URL, "市级枢纽须使用 https:// 地址（明文 HTTP 仅限测试或演示）：" + url);
            }
            return null;
        }
        PeerCertificate presented;
        try {
            presented = tls.peerCertificate(uri);
        } catch (IOException e) {
            throw new Problem(ProblemKind.UNAVAILABLE, "HUB_UNREACHABLE", "市级枢纽无法连接，未能读取其证书：" + e.getMessage());
        }
        List<ProblemDetail> details = List.of(new ProblemDetail("hub", "fingerprint", presented.fingerprint()),
                new ProblemDetail("hub", "subject", presented.subject()), new ProblemDetail("hub", "issuer", presented.issuer()),
                new ProblemDetail("hub", "notAfter", presented.notAfter()));
        if (confirmed == null || confirmed.isBlank()) {
            throw new Problem(ProblemKind.CONFLICT, "HUB_CERTIFICATE_UNCONFIRMED", "请与市级管理员核对枢纽证书的 SHA-256 指纹 " + presented.fingerprint()
                    + "，核对一致后带上该指纹再次注册", details);
        }
        String typed;
        try {
            typed = CertificateFingerprints.normalize(confirmed);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("INVALID_FINGERPRINT", "证书指纹应为 64 位十六进制（SHA-256）：" + confirmed);
        }
        if (!typed.equals(presented.fingerprint())) {
            LOG.warn("Hub {} presents certificate {}, not {} as confirmed: registration refused", url, presented.fingerprint(), typed);
            throw new Problem(ProblemKind.CONFLICT, "HUB_CERTIFICATE_MISMATCH", "枢纽当前出示的证书指纹 " + presented.fingerprint()
                    + " 与确认的指纹不符：请勿注册，先与市级管理员核实", details);
        }
        return typed;
    }
}
