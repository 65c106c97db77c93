package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.HubEventDTO;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;
import org.onewindow.security.Hmac;

/**
 * The hub's registration rules on an in-memory Derby: a taken code cannot be registered again (the finding:
 * whoever registered last owned the district), approval compares the key's fingerprint, a security
 * administrator replaces a reinstalled district's key, and districts federated with a shared key roll over.
 */
public class DistrictKeysTest {
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private EmbeddedDataSource ds;
    private Districts districts;
    private DistrictKeys keys;

    @Before
    public void freshDatabase() throws IOException, SQLException {
        use(HubDatabase.migrated());
    }

    private void use(EmbeddedDataSource dataSource) {
        ds = dataSource;
        districts = new Districts(ds);
        keys = new DistrictKeys(ds);
    }

    @Test
    public void aSecondRegistrationForATakenCodeIsRefusedAndTheFirstKeepsIt() {
        SigningKey real = HubDatabase.key("441381");
        SigningKey attacker = HubDatabase.key("441381");
        assertEquals(DistrictState.PENDING, register(real).state);
        expect("DISTRICT_EXISTS", () -> register(attacker));
        DistrictDTO pending = district("441381");
        assertEquals("the first key stays", real.fingerprint(), pending.fingerprint);
        assertEquals(DistrictState.PENDING, pending.state);
        assertEquals("the refused key is a candidate", List.of(attacker.fingerprint()),
                pending.candidates.stream().map(k -> k.fingerprint).collect(Collectors.toList()));
        HubEventDTO refused = districts.events("441381", 1).get(0);
        assertEquals("REGISTRATION_REFUSED", refused.event);
        assertTrue(refused.detail, refused.detail.contains(attacker.fingerprint()));

        // the city administrator compares with what district IT reads on its appliance: the attacker's is not it
        expect("FINGERPRINT_MISMATCH", () -> approve("441381", attacker.fingerprint()));
        assertEquals(DistrictState.PENDING, district("441381").state);
        assertEquals("APPROVAL_REFUSED", districts.events("441381", 1).get(0).event);
        assertEquals(DistrictState.APPROVED, approve("441381", real.fingerprint()).state);
        expect("DISTRICT_EXISTS", () -> register(attacker));
        DistrictKeys.Credential credential = keys.credential("441381");
        assertEquals(KeyFingerprints.normalize(real.fingerprint()), credential.fingerprint());
        assertEquals(DistrictState.APPROVED, districts.registration("441381").state);
        assertEquals(real.fingerprint(), districts.registration("441381").fingerprint);
    }

    @Test
    public void theSameKeyRegisteringAgainIsAnsweredWithItsStateAndChangesNothing() {
        SigningKey key = HubDatabase.key("441302", SignatureAlgorithms.ECDSA_P256);
        register(key);
        approve("441302", key.fingerprint());
        int events = districts.events("441302", 100).size();
        assertEquals(DistrictState.APPROVED, register(key).state);
        assertEquals(SignatureAlgorithms.ECDSA_P256, register(key).algorithm);
        assertEquals(events, districts.events("441302", 100).size());
        assertEquals(List.of(), district("441302").candidates);
    }

    @Test
    public void approvalNeedsTheRegisteredKeysFingerprintHoweverItIsTyped() {
        SigningKey key = HubDatabase.key("441302");
        register(key);
        expect("INVALID_FINGERPRINT", () -> approve("441302", null));
        expect("INVALID_FINGERPRINT", () -> approve("441302", key.fingerprint().substring(0, 20)));
        String typed = key.fingerprint().toLowerCase().replace(' ', ':');
        assertEquals(DistrictState.APPROVED, approve("441302", typed).state);
        districts.change("441302", DistrictState.SUSPENDED, List.of(DistrictState.APPROVED), null, "admin", now);
        expect("FINGERPRINT_MISMATCH", () -> approve("441302", HubDatabase.key("441302").fingerprint()));
        assertEquals("resumed with the same key", DistrictState.APPROVED, approve("441302", key.fingerprint()).state);
        expect("DISTRICT_NOT_FOUND", () -> approve("441399", key.fingerprint()));
    }

    @Test
    public void aRevokedDistrictRegistersAgainWithANewKeyAndStartsItsJournalAfresh() {
        SigningKey old = HubDatabase.key("441302");
        HubDatabase.approved(districts, keys, old, now);
        apply("441302", 1, 5);
        districts.change("441302", DistrictState.REVOKED, List.of(DistrictState.APPROVED), null, "admin", now);
        SigningKey fresh = HubDatabase.key("441302");
        assertEquals(DistrictState.PENDING, register(fresh).state);
        DistrictDTO again = district("441302");
        assertEquals(fresh.fingerprint(), again.fingerprint);
        assertEquals(0, again.ackedSeq);
        assertNull(again.approvedAt);
    }

    @Test
    public void aSecurityAdministratorMakesTheReinstalledDistrictsCandidateItsKeyAndItsJournalStartsAgain() {
        SigningKey old = HubDatabase.key("441302");
        HubDatabase.approved(districts, keys, old, now);
        assertEquals(5, apply("441302", 1, 5));
        SigningKey reinstalled = HubDatabase.key("441302", SignatureAlgorithms.ECDSA_P256);
        expect("DISTRICT_EXISTS", () -> register(reinstalled));
        expect("CANDIDATE_NOT_FOUND", () -> keys.replace("441302", HubDatabase.key("441302").fingerprint(), "security", now));
        expect("INVALID_FINGERPRINT", () -> keys.replace("441302", "1234", "security", now));
        keys.replace("441302", reinstalled.fingerprint(), "security", now);

        DistrictDTO d = district("441302");
        assertEquals(reinstalled.fingerprint(), d.fingerprint);
        assertEquals(SignatureAlgorithms.ECDSA_P256, d.keyAlgorithm);
        assertEquals("the state stays", DistrictState.APPROVED, d.state);
        assertEquals("the journal starts again", 0, d.ackedSeq);
        assertEquals(List.of(), d.candidates);
        HubEventDTO replaced = districts.events("441302", 1).get(0);
        assertEquals("KEY_REPLACED", replaced.event);
        assertTrue(replaced.detail, replaced.detail.startsWith("by security: " + old.fingerprint() + " -> " + reinstalled.fingerprint()));
        assertEquals(KeyFingerprints.normalize(reinstalled.fingerprint()), keys.credential("441302").fingerprint());
        assertEquals("the reinstalled appliance's journal from #1", 3, apply("441302", 1, 3));
        assertEquals(List.of(), keys.candidates("441302"));

        districts.change("441302", DistrictState.REVOKED, List.of(DistrictState.APPROVED), null, "admin", now);
        expect("DISTRICT_STATE", () -> keys.replace("441302", reinstalled.fingerprint(), "security", now));
    }

    @Test
    public void aTakenCodeKeepsAFewCandidatesNewestFirst() {
        register(HubDatabase.key("441302"));
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < DistrictKeys.CANDIDATES_KEPT + 3; i++) {
            SigningKey k = HubDatabase.key("441302");
            tried.add(0, k.fingerprint());
            Instant at = now.plusSeconds(i);
            expect("DISTRICT_EXISTS", () -> keys.register("441302", "冒名", null, HubDatabase.presented(k), DistrictKeys.Enrolment.NONE, at));
        }
        assertEquals(tried.subList(0, DistrictKeys.CANDIDATES_KEPT),
                district("441302").candidates.stream().map(k -> k.fingerprint).collect(Collectors.toList()));
    }

    @Test
    public void whereTheHubAsksForItAFirstRegistrationMustCarryItsOneTimeEnrolmentCode() throws Exception {
        EnrolmentCodes codes = new EnrolmentCodes(ds);
        SigningKey key = HubDatabase.key("441302");
        expect("ENROLMENT_CODE_INVALID", () -> register(key, null));
        EnrolmentCodes.Issued issued = codes.issue("441302", "admin", java.time.Duration.ofHours(72), now);
        assertTrue(issued.code(), issued.code().matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
        expect("ENROLMENT_CODE_INVALID", () -> register(key, "0000-0000-0000-0000"));
        expect("ENROLMENT_CODE_INVALID", () -> keys.register("441302", "惠城区", null, HubDatabase.presented(key),
                new DistrictKeys.Enrolment(true, issued.code()), now.plus(java.time.Duration.ofHours(73))));
        SigningKey other = HubDatabase.key("441303");
        expect("another district's code", "ENROLMENT_CODE_INVALID", () -> register(other, issued.code()));
        assertEquals("refusals are logged", "REGISTRATION_REFUSED", districts.events("441302", 1).get(0).event);
        assertEquals("nothing registered meanwhile", List.of(), districts.list());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT CODE_HASH FROM HUB_ENROLMENT_CODE")) {
            rs.next();
            assertFalse("kept hashed", rs.getString(1).contains(issued.code().replace("-", "")));
        }

        assertEquals(DistrictState.PENDING, register(key, issued.code().toLowerCase().replace("-", " ")).state);
        assertTrue(districts.events("441302", 1).get(0).detail.contains("enrolment code used"));
        // a taken code's refusal keeps the candidate without any code (a reinstalled appliance goes to the security administrator)
        expect("DISTRICT_EXISTS", () -> register(HubDatabase.key("441302"), null));
        approve("441302", key.fingerprint());
        districts.change("441302", DistrictState.REVOKED, List.of(DistrictState.APPROVED), null, "admin", now);
        expect("used up", "ENROLMENT_CODE_INVALID", () -> register(HubDatabase.key("441302"), issued.code()));
        EnrolmentCodes.Issued again = codes.issue("441302", "admin", java.time.Duration.ofHours(72), now);
        assertEquals(DistrictState.PENDING, register(HubDatabase.key("441302"), again.code()).state);
    }

    private org.onewindow.replication.RegistrationStateDTO register(SigningKey key, String enrolmentCode) {
        return keys.register(key.district(), "区" + key.district(), "test", HubDatabase.presented(key), new DistrictKeys.Enrolment(true,
                enrolmentCode), now);
    }

    @Test
    public void districtsFederatedWithASharedKeyRollOverOnceAndThenTheHubHoldsNoSharedSecret() throws Exception {
        EmbeddedDataSource old = HubDatabase.empty();
        HubDatabase.migrate(old, HubDatabase.MIGRATIONS.subList(0, 4));
        byte[] shared = new byte[32];
        shared[0] = 7;
        String sharedKey = Base64.getEncoder().encodeToString(shared);
        String token = "0123456789abcdef0123456789abcdef";
        String tokenHash = Hmac.sha256(token.getBytes(StandardCharsets.UTF_8));
        Jdbc.tx(old, c -> {
            String insert = "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, TOKEN_HASH, SIGNING_KEY, REGISTERED_AT, ACKED_SEQ, JOURNAL_LAST_SEQ)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            Jdbc.update(c, insert, "441302", "惠城区", "APPROVED", tokenHash, sharedKey, now, 40, 42);
            Jdbc.update(c, insert, "441303", "惠阳区", "PENDING", tokenHash, null, now, 0, 0);
            Jdbc.update(c, insert, "441304", "惠东县", "REVOKED", tokenHash, sharedKey, now, 9, 9);
            return null;
        });
        HubDatabase.migrate(old, HubDatabase.MIGRATIONS.subList(4, HubDatabase.MIGRATIONS.size()));
        use(old);
        assertEquals("the revoked district's void key is gone at once", 2, secretsHeld());
        assertTrue(district("441302").legacyKey);
        assertNull(district("441302").fingerprint);
        expect("KEY_MISSING", () -> districts.change("441303", DistrictState.APPROVED, List.of(DistrictState.PENDING),
                HubDatabase.key("441303").fingerprint(), "admin", now));

        // an approved district proves its new key with the old shared key
        SigningKey own = HubDatabase.key("441302");
        byte[] body = "{\"district\":\"441302\"}".getBytes(StandardCharsets.UTF_8);
        SignatureHeaders wrong = new SignatureHeaders("441302", "1795832110", "n1", null);
        wrong.legacySignature = SignedRequests.legacySign(new byte[32], "441302", 1_795_832_110L, "n1", body);
        expect("BAD_SIGNATURE", () -> keys.rollover("441302", HubDatabase.presented(own), RequestGuard.legacyProof(wrong, "441302", body), now));
        SignatureHeaders right = new SignatureHeaders("441302", "1795832110", "n2", null);
        right.legacySignature = SignedRequests.legacySign(shared, "441302", 1_795_832_110L, "n2", body);
        expect("BAD_SIGNATURE", () -> keys.rollover("441302", HubDatabase.presented(own), RequestGuard.legacyProof(right, "441302",
                "{\"district\":\"441302\",\"x\":1}".getBytes(StandardCharsets.UTF_8)), now));
        assertEquals(DistrictState.APPROVED, keys.rollover("441302", HubDatabase.presented(own), RequestGuard.legacyProof(right, "441302", body),
                now).state);
        DistrictDTO rolled = district("441302");
        assertEquals(own.fingerprint(), rolled.fingerprint);
        assertFalse(rolled.legacyKey);
        assertEquals("the same appliance, the same journal: the acknowledgement stays", 40, rolled.ackedSeq);
        assertEquals("KEY_ROLLED_OVER", districts.events("441302", 1).get(0).event);
        assertEquals("a lost answer: the same key again is done", own.fingerprint(), keys.rollover("441302", HubDatabase.presented(own),
                RequestGuard.legacyProof(wrong, "441302", body), now).fingerprint);
        expect("KEY_EXISTS", () -> keys.rollover("441302", HubDatabase.presented(HubDatabase.key("441302")),
                RequestGuard.legacyProof(right, "441302", body), now));

        // a district never approved proves it with its registration token
        SigningKey pending = HubDatabase.key("441303");
        SignatureHeaders withToken = new SignatureHeaders("441303", "1795832110", "n3", null);
        withToken.token = "x" + token;
        expect("BAD_SIGNATURE", () -> keys.rollover("441303", HubDatabase.presented(pending), RequestGuard.legacyProof(withToken, "441303", body),
                now));
        withToken.token = token;
        assertEquals(DistrictState.PENDING, keys.rollover("441303", HubDatabase.presented(pending), RequestGuard.legacyProof(withToken, "441303",
                body), now).state);
        assertEquals(DistrictState.APPROVED, approve("441303", pending.fingerprint()).state);

        expect("DISTRICT_REVOKED", () -> keys.rollover("441304", HubDatabase.presented(HubDatabase.key("441304")),
                RequestGuard.legacyProof(right, "441304", body), now));
        assertEquals("every district rolled over: the hub holds no shared secret", 0, secretsHeld());
    }

    private long secretsHeld() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM HUB_DISTRICT WHERE LEGACY_KEY IS NOT NULL OR LEGACY_TOKEN_HASH IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private org.onewindow.replication.RegistrationStateDTO register(SigningKey key) {
        return keys.register(key.district(), "区" + key.district(), "test", HubDatabase.presented(key), DistrictKeys.Enrolment.NONE, now);
    }

    private DistrictDTO approve(String code, String fingerprint) {
        return districts.change(code, DistrictState.APPROVED, List.of(DistrictState.PENDING, DistrictState.SUSPENDED), fingerprint, "admin", now);
    }

    private DistrictDTO district(String code) {
        return districts.list().stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
    }

    private int apply(String district, long from, long to) {
        BatchDTO b = new BatchDTO();
        b.district = district;
        b.journalLastSeq = to;
        b.records = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(seq -> {
            RecordDTO r = new RecordDTO();
            r.seq = seq;
            r.kind = "CASE";
            r.key = String.format("%s-20261128-%04d", district, seq);
            r.writtenAt = "2026-11-28T07:59:59Z";
            r.payload = "{\"caseNo\":\"" + r.key + "\",\"status\":\"DRAFT\"}";
            b.records.add(r);
        });
        return new BatchApplier(ds, new DistrictTrails(TestTrails.chain()))
                .apply(district, b, "n" + from + "-" + to + "-" + System.nanoTime(), now, now.minusSeconds(600)).applied;
    }

    private static void expect(String code, Runnable action) {
        expect(code, code, action);
    }

    private static void expect(String why, String code, Runnable action) {
        try {
            action.run();
            fail(why + ": expected " + code);
        } catch (Problem p) {
            assertEquals(why, code, p.code());
        }
    }
}
