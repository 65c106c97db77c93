package org.onewindow.replication.internal;

import java.time.Instant;
import java.util.function.Supplier;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SigningKey;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key this district signs with towards the hub: made here when it registers (or rolls over), kept in
 * {@link DistrictKeyStore}, and checked to be the one the link told the hub. The one key rollover of a link made
 * before key pairs is here too.
 */
final class LinkKeys {
    private static final Logger LOG = LoggerFactory.getLogger(LinkKeys.class);
    private final DistrictKeyStore store;
    private final HubLink link;
    private final HubClient hub;
    static final String KEY_CREATED = "DISTRICT_KEY_CREATED";
    static final String KEY_ROLLED_OVER = "DISTRICT_KEY_ROLLOVER";
    private final Supplier<String> algorithm;
    private final AuditTrail trail;
    private volatile SigningKey current;

    LinkKeys(DistrictKeyStore store, HubLink link, HubClient hub, Supplier<String> algorithm, AuditTrail trail) {
        this.store = store;
        this.link = link;
        this.hub = hub;
        this.algorithm = algorithm;
        this.trail = trail;
    }

    /** The key a registration presents: this appliance's own, or a new one if it has none or its last registration was revoked. */
    SigningKey forRegistration(String district, HubLink.Row old) {
        SigningKey own = old != null && old.state == DistrictState.REVOKED ? null : store.load(district);
        return own != null ? own : create(district, "its registration");
    }

    /** The registration's key is the link's now. */
    void registered(SigningKey key) {
        current = key;
    }

    /** The key this link signs with: this appliance's key file, which must hold the key the hub was told. */
    SigningKey of(HubLink.Row row) {
        SigningKey k = current;
        if (k == null || !k.publicKeyBase64().equals(row.publicKey) || !k.district().equals(row.district)) {
            k = store.load(row.district);
            if (k == null || !k.publicKeyBase64().equals(row.publicKey)) {
                throw new IllegalStateException("The key file in " + store.folder() + (k == null ? " is missing" : " holds another key")
                        + " than the one registered with the hub: register again (onewindow:hub-register); the hub keeps the new key as a"
                        + " candidate for its security administrator to take");
            }
            current = k;
        }
        return k;
    }

    /**
     * A link made before key pairs moves to this district's own, once: the key pair is made here (or the one made
     * for an earlier attempt is taken again) and the hub is told its public key, proven with the shared key (or,
     * never approved, the token) it knows; then the shared key and the token are forgotten here as at the hub.
     */
    RegistrationStateDTO rollover(HubLink.Row row) throws HubFailure {
        SigningKey own = store.load(row.district);
        if (own == null) {
            own = create(row.district, "its key rollover");
        }
        RegistrationStateDTO state;
        try {
            state = hub.rollover(row.hubUrl, own, row.legacyKey, row.token, Instant.now());
        } catch (HubFailure e) {
            if (e.status == 404 && !"DISTRICT_NOT_FOUND".equals(e.code)) {
                throw new HubFailure(404, "ROLLOVER_UNSUPPORTED", "the hub does not know key rollovers yet: update the hub first;"
                        + " the journal waits here meanwhile");
            }
            throw e;
        }
        synchronized (this) {
            link.rolledOver(own);
            current = own;
        }
        LOG.info("District {} rolled over to its own key {} at the hub ({}); no shared key is kept any more", row.district, own.fingerprint(),
                state.state);
        trail.record(AuditEvent.by(KEY_ROLLED_OVER, "system:replication").channel("SYSTEM").on("DISTRICT", row.district)
                .detail("from the shared key to its own " + own.algorithm().name() + " key " + own.fingerprint() + " at " + row.hubUrl + ": " + state.state));
        return state;
    }

    String folder() {
        return store.folder().toString();
    }

    private SigningKey create(String district, String why) {
        SigningKey made = store.create(district, SignatureAlgorithms.named(algorithm.get()));
        LOG.info("District {} made its own {} key pair for {} in {}: fingerprint {}", district, made.algorithm().name(), why, store.folder(),
                made.fingerprint());
        trail.record(AuditEvent.by(KEY_CREATED, "system:replication").channel("SYSTEM").on("DISTRICT", district)
                .detail(made.algorithm().name() + " key pair for " + why + ", fingerprint " + made.fingerprint()));
        return made;
    }
}
