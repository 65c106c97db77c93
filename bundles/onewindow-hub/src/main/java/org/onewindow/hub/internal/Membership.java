package org.onewindow.hub.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.problem.Problem;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.KeyRolloverDTO;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SignedRequests;
import org.onewindow.rest.Json;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Who belongs to the federation, and with which key: registrations (signed with the key they register; a code
 * taken is never registered again), the one key rollover of districts federated with a shared key, approval
 * naming the key's fingerprint, suspension and revocation by the city administrator, the replacement of a
 * reinstalled district's key by the security administrator, and one-time enrolment codes.
 */
final class Membership {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    private static final TypeReference<RegistrationDTO> REGISTRATION = new TypeReference<>() {
    };
    private static final TypeReference<KeyRolloverDTO> ROLLOVER = new TypeReference<>() {
    };
    private final Districts districts;
    private final DistrictKeys keys;
    private final RequestGuard guard;
    private final EnrolmentCodes enrolment;
    private final HubConfig config;
    private final Set<String> algorithms;

    Membership(Districts districts, DistrictKeys keys, RequestGuard guard, EnrolmentCodes enrolment, HubConfig config) {
        this.districts = districts;
        this.keys = keys;
        this.guard = guard;
        this.enrolment = enrolment;
        this.config = config;
        this.algorithms = accepted(config.algorithms());
    }

    /**
     * A district's registration, signed with the private half of the key it registers (proof of possession).
     * A code already pending, approved or suspended is refused, {@code DISTRICT_EXISTS}, and the key kept as a candidate.
     */
    RegistrationStateDTO register(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        RegistrationDTO r = Json.read(body, REGISTRATION);
        if (r == null) {
            throw Problem.badRequest("INVALID_REGISTRATION", "注册须有 district、name、algorithm、publicKey");
        }
        String code = Districts.code(r.district);
        String name = Districts.name(r);
        DistrictKeys.PresentedKey key = DistrictKeys.PresentedKey.of(r.algorithm, r.publicKey, algorithms);
        guard.possession(headers, code, key, body, now, false);
        try {
            RegistrationStateDTO state = keys.register(code, name, Districts.version(r), key,
                    new DistrictKeys.Enrolment(config.requireEnrolmentCode(), r.enrolmentCode), now);
            LOG.info("District {} ({}) asks to federate with key {}; a city administrator compares the fingerprint with district IT and approves it"
                    + " with onewindow:district-approve {} <fingerprint>", code, name, state.fingerprint, code);
            return state;
        } catch (Problem p) {
            if ("DISTRICT_EXISTS".equals(p.code())) {
                LOG.warn("Registration of district {} refused: the code is taken; key {} kept as a candidate", code,
                        KeyFingerprints.grouped(key.fingerprint()));
            } else if ("ENROLMENT_CODE_INVALID".equals(p.code())) {
                LOG.warn("Registration of district {} refused: no valid enrolment code", code);
            }
            throw p;
        }
    }

    /** The registration's state for the district's own signed request (body: none), whatever its state. */
    RegistrationStateDTO registration(String district, SignatureHeaders headers) {
        return districts.registration(guard.own(headers, Districts.code(district), new byte[0], Instant.now()).code());
    }

    /**
     * The one key rollover of a district federated before public keys: signed with the new key and, in
     * {@link SignedRequests#LEGACY_SIGNATURE}, with the shared key the hub once gave it (a district never
     * approved shows its registration token instead); the hub then keeps the public key and deletes the secret.
     */
    RegistrationStateDTO rollover(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        KeyRolloverDTO r = Json.read(body, ROLLOVER);
        if (r == null) {
            throw Problem.badRequest("INVALID_ROLLOVER", "换钥请求须有 district、algorithm、publicKey");
        }
        String code = Districts.code(r.district);
        DistrictKeys.PresentedKey key = DistrictKeys.PresentedKey.of(r.algorithm, r.publicKey, algorithms);
        guard.possession(headers, code, key, body, now, true);
        try {
            RegistrationStateDTO state = keys.rollover(code, key, RequestGuard.legacyProof(headers, code, body), now);
            LOG.info("District {} rolled over to its own {} key {}; the hub holds no shared secret of it any more", code, state.algorithm,
                    state.fingerprint);
            return state;
        } catch (Problem p) {
            if (Set.of("BAD_SIGNATURE", "KEY_EXISTS").contains(p.code())) {
                districts.refused(code, "ROLLOVER " + p.code(), now);
            }
            throw p;
        }
    }

    DistrictDTO approve(String district, String fingerprint, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        return districts.change(district, DistrictState.APPROVED, List.of(DistrictState.PENDING, DistrictState.SUSPENDED), fingerprint,
                actor.name(), Instant.now());
    }

    DistrictDTO suspend(String district, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        return districts.change(district, DistrictState.SUSPENDED, List.of(DistrictState.APPROVED), null, actor.name(), Instant.now());
    }

    DistrictDTO revoke(String district, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        DistrictDTO d = districts.change(district, DistrictState.REVOKED,
                List.of(DistrictState.PENDING, DistrictState.APPROVED, DistrictState.SUSPENDED), null, actor.name(), Instant.now());
        LOG.warn("District {} revoked by {}: nothing from it is accepted any more", district, actor.name());
        return d;
    }

    /**
     * A one-time enrolment code for a district code, which a city administrator hands to district IT out of band;
     * where {@code requireEnrolmentCode} is set, the district's registration must carry it. Shown once, kept hashed.
     */
    EnrolmentCodes.Issued enrolmentCode(String district, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        String code = Districts.code(district);
        EnrolmentCodes.Issued issued = enrolment.issue(code, actor.name(), Duration.ofHours(Math.max(1, config.enrolmentCodeHours())),
                Instant.now());
        LOG.info("Enrolment code for district {} issued by {}, valid until {}", code, actor.name(), issued.expiresAt());
        return issued;
    }

    /**
     * A security administrator makes a candidate key the district's (its appliance was reinstalled), naming its
     * fingerprint as district IT read it; the district's journal then starts again at the hub.
     */
    DistrictDTO replaceKey(String district, String fingerprint, Actor actor) {
        actor.requireAny(Set.of(Actor.SECURITY));
        String code = Districts.code(district);
        keys.replace(code, fingerprint, actor.name(), Instant.now());
        LOG.warn("Key of district {} replaced by {} with the candidate {}: its journal starts again at the hub", code, actor.name(),
                KeyFingerprints.grouped(KeyFingerprints.normalize(fingerprint)));
        return districts.list().stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
    }

    /** The schemes named in {@code algorithms} that this hub knows; the default where none is. */
    static Set<String> accepted(String[] names) {
        Set<String> out = new TreeSet<>();
        for (String name : names == null ? new String[0] : names) {
            for (String n : name.split(",")) {
                if (!n.isBlank() && SignatureAlgorithms.names().contains(n.strip())) {
                    out.add(n.strip());
                } else if (!n.isBlank()) {
                    LOG.warn("Signature scheme '{}' of etc/org.onewindow.hub.cfg is not known here (known: {}); ignored", n.strip(),
                            SignatureAlgorithms.names());
                }
            }
        }
        return out.isEmpty() ? Set.of(SignatureAlgorithms.ED25519) : out;
    }
}
