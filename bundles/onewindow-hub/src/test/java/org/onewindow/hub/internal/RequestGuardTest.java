package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.problem.Problem;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;

/**
 * Every signed request is checked with the public key the district registered: another district's key, a key the
 * hub does not know, a tampered body, a stale timestamp and a replayed nonce are refused and counted; a
 * registration must be signed by the key it registers; a candidate key asking after its registration is told so.
 */
public class RequestGuardTest {
    private static final byte[] BODY = "{\"district\":\"441302\",\"records\":[]}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private Districts districts;
    private DistrictKeys keys;
    private RequestGuard guard;
    private SigningKey a;
    private SigningKey b;

    @Before
    public void twoApprovedDistricts() throws IOException, SQLException {
        EmbeddedDataSource ds = HubDatabase.migrated();
        districts = new Districts(ds);
        keys = new DistrictKeys(ds);
        guard = new RequestGuard(districts, keys, () -> 300);
        a = HubDatabase.key("441302");
        b = HubDatabase.key("441303");
        HubDatabase.approved(districts, keys, a, now);
        HubDatabase.approved(districts, keys, b, now);
    }

    @Test
    public void aRequestSignedWithTheRegisteredKeyPassesAndEveryOtherIsRefusedAndCounted() {
        assertEquals("441302", guard.approvedOnce(headers(a, BODY, now), BODY, now).code());
        SignatureHeaders replayed = headers(a, BODY, now);
        guard.approvedOnce(replayed, BODY, now);
        expect("REPLAYED", () -> guard.approvedOnce(replayed, BODY, now));

        // B's key claiming to be A
        SigningKey bAsA = new SigningKey("441302", b.algorithm(), b.privateKey(), b.publicKey());
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(headers(bAsA, BODY, now), BODY, now));
        // a key the hub never registered
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(headers(HubDatabase.key("441302"), BODY, now), BODY, now));
        byte[] tampered = "{\"district\":\"441302\",\"records\":[1]}".getBytes(StandardCharsets.UTF_8);
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(headers(a, BODY, now), tampered, now));
        expect("STALE_REQUEST", () -> guard.approvedOnce(headers(a, BODY, now.minusSeconds(301)), BODY, now));
        SignatureHeaders unsigned = headers(a, BODY, now);
        unsigned.signature = null;
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(unsigned, BODY, now));
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(headers(HubDatabase.key("441399"), BODY, now), BODY, now));

        districts.change("441303", DistrictState.SUSPENDED, List.of(DistrictState.APPROVED), null, "admin", now);
        expect("DISTRICT_SUSPENDED", () -> guard.approvedOnce(headers(b, BODY, now), BODY, now));
        DistrictDTO refusedA = districts.list().get(0);
        assertEquals("replay, other key, unknown key, tampered, stale, unsigned", 6, refusedA.refusals);
        assertEquals(1, districts.list().get(1).refusals);
    }

    @Test
    public void aRegistrationMustBeSignedByTheKeyItRegisters() throws Exception {
        SigningKey fresh = HubDatabase.key("441304");
        DistrictKeys.PresentedKey presented = HubDatabase.presented(fresh);
        expect("BAD_SIGNATURE", () -> guard.possession(headers(a, BODY, now), "441304", presented, BODY, now, false));
        SigningKey otherCode = new SigningKey("441305", fresh.algorithm(), fresh.privateKey(), fresh.publicKey());
        expect("BAD_SIGNATURE", () -> guard.possession(headers(otherCode, BODY, now), "441304", presented, BODY, now, false));
        expect("STALE_REQUEST", () -> guard.possession(headers(fresh, BODY, now.plusSeconds(400)), "441304", presented, BODY, now, false));
        SignatureHeaders once = headers(fresh, BODY, now);
        guard.possession(once, "441304", presented, BODY, now, false);
        expect("REPLAYED", () -> guard.possession(once, "441304", presented, BODY, now, false));
    }

    @Test
    public void aCandidateAskingAfterItsRegistrationIsToldItsKeyIsNotRegistered() {
        SigningKey reinstalled = HubDatabase.key("441302");
        try {
            keys.register("441302", "惠城区", "test", HubDatabase.presented(reinstalled), DistrictKeys.Enrolment.NONE, now);
            fail();
        } catch (Problem taken) {
            assertEquals("DISTRICT_EXISTS", taken.code());
        }
        expect("KEY_NOT_REGISTERED", () -> guard.own(headers(reinstalled, new byte[0], now), "441302", new byte[0], now));
        assertEquals("not counted against the district", 0, districts.list().get(0).refusals);
        assertEquals("441302", guard.own(headers(a, new byte[0], now), "441302", new byte[0], now).code());
        expect("BAD_SIGNATURE", () -> guard.own(headers(a, new byte[0], now), "441303", new byte[0], now));

        keys.replace("441302", reinstalled.fingerprint(), "security", now);
        assertEquals("441302", guard.own(headers(reinstalled, new byte[0], now), "441302", new byte[0], now).code());
        expect("BAD_SIGNATURE", () -> guard.approvedOnce(headers(a, BODY, now), BODY, now));
        assertEquals("441302", guard.approvedOnce(headers(reinstalled, BODY, now), BODY, now).code());
    }

    private static SignatureHeaders headers(SigningKey key, byte[] body, Instant at) {
        Map<String, String> h = key.headers(body, at);
        return new SignatureHeaders(h.get(SignedRequests.DISTRICT), h.get(SignedRequests.TIMESTAMP), h.get(SignedRequests.NONCE),
                h.get(SignedRequests.SIGNATURE));
    }

    private static void expect(String code, Runnable action) {
        try {
            action.run();
            fail("expected " + code);
        } catch (Problem p) {
            assertEquals(code, p.code());
        }
    }
}
