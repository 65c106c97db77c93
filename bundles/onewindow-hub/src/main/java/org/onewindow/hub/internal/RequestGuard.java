package org.onewindow.hub.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.function.LongSupplier;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.SignedRequests;
import org.onewindow.security.Hmac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a district's signed request with the public key the hub registered for it: the signature, the
 * clock ({@code skewSeconds}), the nonce and the district's standing. Every refusal of a registered district
 * is counted and logged, as a hub event and in the log.
 */
final class RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private final Districts districts;
    private final DistrictKeys keys;
    private final LongSupplier skewSeconds;

    RequestGuard(Districts districts, DistrictKeys keys, LongSupplier skewSeconds) {
        this.districts = districts;
        this.keys = keys;
        this.skewSeconds = skewSeconds;
    }

    /** An approved district's request: signature, clock and standing; the nonce is the caller's (a batch uses it in its transaction). */
    DistrictKeys.Credential approved(SignatureHeaders h, byte[] body, Instant now) {
        DistrictKeys.Credential credential = authentic(h, body, now);
        if (credential.state() == DistrictState.SUSPENDED) {
            throw refuse(credential.code(), true, ProblemKind.FORBIDDEN, "DISTRICT_SUSPENDED", "区县 " + credential.code() + " 已被暂停联网", now);
        }
        if (credential.state() != DistrictState.APPROVED) {
            throw refuse(credential.code(), true, ProblemKind.FORBIDDEN, "DISTRICT_REVOKED", "区县 " + credential.code() + " 的联网资格已吊销", now);
        }
        return credential;
    }

    /** An approved district's request whose nonce is then used up, outside any batch. */
    DistrictKeys.Credential approvedOnce(SignatureHeaders h, byte[] body, Instant now) {
        DistrictKeys.Credential credential = approved(h, body, now);
        useNonce(credential.code(), h, now, true);
        return credential;
    }

    /**
     * A registered district asking after its own registration, whatever its state. A request signed with a key
     * that was registered for the code after it was taken (a candidate) is told so, {@code KEY_NOT_REGISTERED},
     * and not counted against the district: it may be the district's reinstalled appliance waiting for the
     * security administrator.
     */
    DistrictKeys.Credential own(SignatureHeaders h, String district, byte[] body, Instant now) {
        if (h.district == null || !h.district.equals(district)) {
            throw new Problem(ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "签名的区县不是所问的区县");
        }
        DistrictKeys.Credential credential = keys.credential(district);
        if (credential != null && !signedBy(credential, h, body)) {
            for (DistrictKeys.Credential candidate : keys.candidates(district)) {
                if (signedBy(candidate, h, body) && fresh(h, now)) {
                    throw new Problem(ProblemKind.CONFLICT, "KEY_NOT_REGISTERED", "本机密钥（指纹 " + KeyFingerprints.grouped(candidate.fingerprint())
                            + "）是区县 " + district + " 的候选密钥，尚未登记：请市级安全管理员核对指纹后替换密钥");
                }
            }
        }
        DistrictKeys.Credential own = authentic(h, body, now);
        useNonce(own.code(), h, now, true);
        return own;
    }

    /**
     * A registration or a key rollover, signed with the private half of the key it presents (proof of
     * possession), with a fresh timestamp and a nonce not seen before for that code. Such a request is not yet
     * the district's: a failure is logged, not counted against the district's row, unless {@code count}.
     */
    void possession(SignatureHeaders h, String district, DistrictKeys.PresentedKey key, byte[] body, Instant now, boolean count) {
        if (h.district == null || !h.district.equals(district) || !h.nonceWellFormed()
                || !SignedRequests.verify(key.algorithm(), key.key(), district, h.at(), h.nonce, body, h.signature)) {
            throw refuse(district, count, ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "须以所登记公钥的私钥签名（持有证明）", now);
        }
        if (!fresh(h, now)) {
            throw refuse(district, count, ProblemKind.UNAUTHORIZED, "STALE_REQUEST", "请求时间与枢纽时钟相差超过 " + skewSeconds.getAsLong() + " 秒", now);
        }
        useNonce(district, h, now, count);
    }

    /**
     * What proves a key rollover is the district's: the request signed also with the shared key the hub once
     * gave it ({@link SignedRequests#LEGACY_SIGNATURE}), or, for a district never approved, its registration token.
     */
    static DistrictKeys.LegacyProof legacyProof(SignatureHeaders h, String code, byte[] body) {
        return (legacyKey, tokenHash) -> legacyKey != null
                ? SignedRequests.legacyVerify(Base64.getDecoder().decode(legacyKey), code, h.at(), h.nonce, body, h.legacySignature)
                : tokenHash != null && h.token != null && Hmac.matches(tokenHash, Hmac.sha256(Hmac.utf8(h.token.strip())));
    }

    /** Signature and clock of a registered district's request, whatever its standing. */
    private DistrictKeys.Credential authentic(SignatureHeaders h, byte[] body, Instant now) {
        DistrictKeys.Credential credential = h.district == null ? null : keys.credential(h.district);
        if (credential == null || !signedBy(credential, h, body)) {
            throw refuse(credential == null ? null : credential.code(), true, ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE",
                    "签名无效，或区县未注册", now);
        }
        if (!fresh(h, now)) {
            throw refuse(credential.code(), true, ProblemKind.UNAUTHORIZED, "STALE_REQUEST", "请求时间与枢纽时钟相差超过 " + skewSeconds.getAsLong() + " 秒", now);
        }
        return credential;
    }

    private static boolean signedBy(DistrictKeys.Credential credential, SignatureHeaders h, byte[] body) {
        return credential.key() != null && h.nonceWellFormed()
                && SignedRequests.verify(credential.algorithm(), credential.key(), credential.code(), h.at(), h.nonce, body, h.signature);
    }

    private boolean fresh(SignatureHeaders h, Instant now) {
        return Math.abs(now.getEpochSecond() - h.at()) <= skewSeconds.getAsLong();
    }

    private void useNonce(String district, SignatureHeaders h, Instant now, boolean count) {
        try {
            districts.useNonce(district, h.nonce, now);
        } catch (Problem p) {
            if (count) {
                districts.refused(district, p.code(), now);
            }
            throw p;
        }
    }

    /** A refusal, logged; counted against the district (and a hub event) when {@code count} and the district is registered. */
    private Problem refuse(String district, boolean count, ProblemKind kind, String code, String message, Instant now) {
        if (count && district != null) {
            districts.refused(district, code, now);
        }
        LOG.warn("Request of district {} refused: {}", district == null ? "(unknown)" : district, code);
        return new Problem(kind, code, message);
    }
}
