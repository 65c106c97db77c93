package org.onewindow.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;

import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SigningKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the federation tests do with districts and hubs: take in cases, compare case sets, sign requests. */
final class Federation {
    private static int applicants;

    private Federation() {
    }

    /**
     * A case taken in at the window; right after a federated district started, its window waits (503 {@code HUB_CHECK_PENDING})
     * until the hub confirmed its journal, which takes a moment.
     */
    static String openCase(UnpackedAppliance district) throws InterruptedException {
        String body = Cases.open("RS-SB-003", applicant(), "M01");
        Http.Answer opened = district.http.postJson("/cases", "clerk", body);
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); opened.status == 503 && "HUB_CHECK_PENDING".equals(opened.code())
                && System.nanoTime() < end; opened = district.http.postJson("/cases", "clerk", body)) {
            Thread.sleep(200);
        }
        assertEquals(opened.toString(), 201, opened.status);
        return opened.json().path("caseNo").asText();
    }

    /** A different valid resident ID number each time (check digit of GB 11643). */
    static String applicant() {
        String body = "44130219900101" + String.format("%03d", ++applicants % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Waits until the hub has exactly the district's cases, each in the district's status. */
    static void awaitSameCases(Http hub, UnpackedAppliance district, String code) throws InterruptedException {
        Map<String, String> there = Map.of();
        Map<String, String> here = Map.of();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            // the district itself moves cases on (the relay): compare what both have at about the same time
            here = districtCases(district, code);
            there = hubCases(hub, code);
            if (there.equals(here)) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals("the hub has exactly the cases of " + code + ", in their status", here, there);
    }

    /** Case number to status of the district's own cases (not those other districts handed it to decide), as it has them. */
    static Map<String, String> districtCases(UnpackedAppliance district, String code) {
        Map<String, String> out = new TreeMap<>();
        for (int page = 1;; page++) {
            JsonNode items = district.http.get("/cases?size=200&page=" + page, "supervisor").json().path("items");
            items.forEach(c -> {
                if (c.path("caseNo").asText().startsWith(code + "-")) {
                    out.put(c.path("caseNo").asText(), c.path("status").asText());
                }
            });
            if (items.size() < 200) {
                return out;
            }
        }
    }

    /** Waits (up to 60 s) until {@code check} holds for the case as {@code node} has it; returns it. */
    static JsonNode awaitCase(UnpackedAppliance node, String caseNo, java.util.function.Predicate<JsonNode> check, String what)
            throws InterruptedException {
        JsonNode c = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < end; Thread.sleep(200)) {
            Http.Answer answer = node.http.get("/cases/" + caseNo, "supervisor");
            c = answer.status == 200 ? answer.json() : null;
            if (c != null && check.test(c)) {
                return c;
            }
        }
        throw new AssertionError("case " + caseNo + " not " + what + " within 60 s: " + c);
    }

    /** The notes of a case's history, in order. */
    static java.util.List<String> notes(JsonNode c) {
        java.util.List<String> out = new java.util.ArrayList<>();
        c.path("history").forEach(h -> out.add(h.path("note").asText()));
        return out;
    }

    /** Case number to status, as the hub has them for the district. */
    static Map<String, String> hubCases(Http hub, String code) {
        Http.Answer answer = hub.get("/hub/cases?size=10000&district=" + code, "supervisor");
        assertEquals(answer.toString(), 200, answer.status);
        Map<String, String> out = new TreeMap<>();
        answer.json().forEach(c -> out.put(c.path("caseNo").asText(), c.path("status").asText()));
        return out;
    }

    /** A batch of one case record, as a district would send it. */
    static String batch(String district, long seq, String caseNo) {
        return batch(district, seq, seq, n -> caseNo);
    }

    /** A batch of case records {@code from..to}, case numbers of today's date. */
    static String batch(String district, long from, long to) {
        return batch(district, from, to, n -> String.format("%s-20261128-%04d", district, n));
    }

    private static String batch(String district, long from, long to, LongFunction<String> caseNo) {
        ObjectNode batch = Http.JSON.createObjectNode().put("district", district).put("version", "test").put("journalLastSeq", to);
        ArrayNode records = batch.putArray("records");
        for (long seq = from; seq <= to; seq++) {
            String no = caseNo.apply(seq);
            records.addObject().put("seq", seq).put("kind", "CASE").put("key", no).put("writtenAt", Instant.now().toString())
                    .put("payload", Http.JSON.createObjectNode().put("caseNo", no).put("status", "DRAFT").put("channel", "WINDOW")
                            .put("itemName", "测试").toString());
        }
        return batch.toString();
    }

    /** A key pair of a district the test plays itself, made as a district's appliance makes its own. */
    static SigningKey newKey(String district) {
        return newKey(district, SignatureAlgorithms.ED25519);
    }

    static SigningKey newKey(String district, String algorithm) {
        SignatureAlgorithm scheme = SignatureAlgorithms.named(algorithm);
        KeyPair pair = scheme.generate();
        return new SigningKey(district, scheme, pair.getPrivate(), pair.getPublic().getEncoded());
    }

    /** The headers of a request signed with {@code key} now. */
    static Map<String, String> sign(SigningKey key, String body, String nonce) {
        return sign(key, body, nonce, Instant.now());
    }

    static Map<String, String> sign(SigningKey key, String body, String nonce, Instant at) {
        return key.headers(body.getBytes(StandardCharsets.UTF_8), at, nonce);
    }

    /** A registration of the district the test plays, signed with the key it registers (the hub's answer as it is). */
    static Http.Answer register(Http hub, SigningKey key, String name) {
        return registerSignedBy(hub, key, key, name);
    }

    /** A registration presenting {@code presented} but signed with {@code signer}'s private key. */
    static Http.Answer registerSignedBy(Http hub, SigningKey presented, SigningKey signer, String name) {
        return register(hub, presented, signer, name, null);
    }

    /** A registration carrying the one-time enrolment code a city administrator issued. */
    static Http.Answer register(Http hub, SigningKey key, String name, String enrolmentCode) {
        return register(hub, key, key, name, enrolmentCode);
    }

    private static Http.Answer register(Http hub, SigningKey presented, SigningKey signer, String name, String enrolmentCode) {
        ObjectNode registration = Http.JSON.createObjectNode().put("district", presented.district()).put("name", name).put("version", "test")
                .put("algorithm", presented.algorithm().name()).put("publicKey", presented.publicKeyBase64());
        if (enrolmentCode != null) {
            registration.put("enrolmentCode", enrolmentCode);
        }
        String body = registration.toString();
        return hub.exchange("POST", "/hub/registrations", sign(signer, body, UUID.randomUUID().toString()), body);
    }

    /** The district's signed question after its registration. */
    static Http.Answer registration(Http hub, SigningKey key) {
        return hub.exchange("GET", "/hub/registrations/" + key.district(), sign(key, "", UUID.randomUUID().toString()), null);
    }

    /** A city administrator's approval naming the fingerprint district IT read out. */
    static Http.Answer approve(Http hub, String district, String fingerprint) {
        return hub.postJson("/hub/districts/" + district + "/approval", "admin", Http.JSON.createObjectNode().put("fingerprint", fingerprint).toString());
    }

    /** A signed batch of the district the test plays. */
    static Http.Answer ship(Http hub, SigningKey key, String batch) {
        return hub.exchange("POST", "/hub/batches", sign(key, batch, UUID.randomUUID().toString()), batch);
    }

    /** The district as the hub lists it. */
    static JsonNode district(Http hub, String code) {
        for (JsonNode d : hub.get("/hub/districts", "admin").json()) {
            if (d.path("code").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code + " at the hub");
    }
}
