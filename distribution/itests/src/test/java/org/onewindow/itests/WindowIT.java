package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The comprehensive window over HTTP: intake, notice, scans, review, pickup; bad input changes nothing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WindowIT extends DemoApplianceTest {
    private static final String NORMAL = "GA-HJ-001";

    @Test
    public void aNormalCaseFromWindowToBackOfficeAndBack() {
        Http.Answer opened = http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.ZHANG_SAN, "M01"));
        assertEquals(opened.toString(), 201, opened.status);
        JsonNode c = opened.json();
        String no = c.path("caseNo").asText();
        assertTrue(no, no.matches("441302-\\d{8}-\\d{4,}"));
        assertEquals("DRAFT", c.path("status").asText());
        assertEquals(List.of("M02", "M03"), codes(c.path("missingMaterials")));

        Http.Answer early = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED"));
        assertEquals(409, early.status);
        assertEquals("MATERIALS_MISSING", early.code());
        String notice = http.get("/cases/" + no + "/notice", "clerk").body;
        assertTrue(notice.contains("一次性告知书") && notice.contains("户口迁移证") && notice.contains("户口登记条例"));
        assertFalse("ID numbers are masked on paper", notice.contains(Cases.ZHANG_SAN));

        Http.Answer scanned = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"第1页.png", "第2页.pdf"},
                new byte[][] {Cases.png("page 1 of " + no), Cases.pdf("page 2 of " + no)});
        assertEquals(scanned.toString(), 201, scanned.status);
        JsonNode files = http.get("/cases/" + no + "/materials", "reviewer").json();
        assertEquals(List.of("第1页.png", "第2页.pdf"), List.of(files.get(0).path("fileName").asText(), files.get(1).path("fileName").asText()));
        Http.Answer page1 = http.get("/cases/" + no + "/materials/" + files.get(0).path("id").asText(), "reviewer");
        assertEquals(200, page1.status);
        assertTrue(page1.contentType.startsWith("image/png"));

        assertEquals(200, http.postJson("/cases/" + no + "/received-materials", "clerk", "{\"materials\":[\"M02\",\"M03\"]}").status);
        JsonNode accepted = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).json();
        assertEquals("ACCEPTED", accepted.path("status").asText());
        assertTrue(http.get("/cases/" + no + "/receipt", "clerk").body.contains(accepted.path("pickupCode").asText()));

        Http.Answer clerkDecides = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("IN_REVIEW"));
        assertEquals("the relay hands cases over, not the clerk", 409, clerkDecides.status);
        if (!"BACK_OFFICE_STEP".equals(clerkDecides.code())) {
            // the relay had already handed the case over (it polls every 500 ms): then the step is no longer open at all
            assertEquals(clerkDecides.toString(), "ILLEGAL_TRANSITION", clerkDecides.code());
            assertNotEquals("ACCEPTED", http.get("/cases/" + no, "clerk").json().path("status").asText());
        }
        Http.Answer skip = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("READY_FOR_PICKUP"));
        assertEquals(409, skip.status);
        assertEquals("ILLEGAL_TRANSITION", skip.code());
        assertTrue(skip.json().path("message").asText().contains("IN_REVIEW"));

        Cases.awaitStatus(http, no, "IN_REVIEW");
        Http.Answer approved = http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"准予户口迁入登记决定书\"}");
        assertEquals(approved.toString(), "APPROVED", approved.json().path("status").asText());
        assertEquals("READY_FOR_PICKUP", http.postJson("/cases/" + no + "/transitions", "reviewer", Cases.to("READY_FOR_PICKUP"))
                .json().path("status").asText());
        Http.Answer stranger = http.postJson("/cases/" + no + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"collectorIdNumber\":\"" + Cases.LI_SI + "\"}");
        assertEquals("PICKUP_CHECK_FAILED", stranger.code());
        JsonNode delivered = http.postJson("/cases/" + no + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"collectorIdNumber\":\"" + Cases.ZHANG_SAN + "\"}").json();
        assertEquals("DELIVERED", delivered.path("status").asText());
        assertEquals("WINDOW", delivered.path("delivery").path("method").asText());
        assertEquals("intake and pickup on one day are one visit", 1, delivered.path("visits").asInt());
        List<String> path = new ArrayList<>();
        delivered.path("history").forEach(h -> path.add(h.path("to").asText()));
        assertEquals(List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "APPROVED", "READY_FOR_PICKUP", "DELIVERED"), path);
        assertEquals(List.of(), codes(delivered.path("next")));
        Http.Answer late = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"late.png"},
                new byte[][] {Cases.png("after delivery")});
        assertEquals(409, late.status);
        assertEquals("CASE_CLOSED", late.code());
    }

    /** Applicant and agent of the hand-out and search tests only (valid check digits), so that other tests' cases do not mix in. */
    private static final String WANG_WU = "330106198808081234";
    private static final String ZHAO_LIU = "330106199001014561";

    @Test
    public void theApplicantOrTheAgentCollectsWithTheIdCardAndAWrongOneIsRefusedAndAudited() {
        String byAgent = Cases.readyInstant(http, WANG_WU, "王五", "13812345678", ZHAO_LIU, "赵六");
        Http.Answer stranger = http.postJson("/cases/" + byAgent + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"collectorIdNumber\":\"" + Cases.LI_SI + "\"}");
        assertEquals(stranger.toString(), 400, stranger.status);
        assertEquals("PICKUP_CHECK_FAILED", stranger.code());
        assertEquals("READY_FOR_PICKUP", http.get("/cases/" + byAgent, "clerk").json().path("status").asText());
        JsonNode refused = http.get("/audit?action=HAND_OUT&case=" + byAgent, "auditor").json().path("records");
        assertEquals(refused.toString(), 1, refused.size());
        assertEquals("FAILURE", refused.get(0).path("outcome").asText());
        assertFalse("the trail never holds the ID number whole", refused.toString().contains(WANG_WU));

        // the ID card read by the clerk: lower-case x and spaces as typed are the same number
        JsonNode delivered = http.postJson("/cases/" + byAgent + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"collectorIdNumber\":\" " + ZHAO_LIU + " \"}").json();
        assertEquals(delivered.toString(), "DELIVERED", delivered.path("status").asText());
        assertEquals("330106********4561", delivered.path("delivery").path("collectedBy").asText());
        JsonNode handedOut = http.get("/audit?action=HAND_OUT&case=" + byAgent, "auditor").json().path("records");
        assertEquals(handedOut.toString(), 2, handedOut.size());
        assertTrue(handedOut.toString(), handedOut.toString().contains("collected by AGENT_ID"));

        String byApplicant = Cases.readyInstant(http, WANG_WU, "王五", null, null, null);
        Http.Answer agentOfAnother = http.postJson("/cases/" + byApplicant + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"collectorIdNumber\":\"" + ZHAO_LIU + "\"}");
        assertEquals("the agent of another case is a stranger here", "PICKUP_CHECK_FAILED", agentOfAnother.code());
        JsonNode mine = http.postJson("/cases/" + byApplicant + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + WANG_WU + "\"}").json();
        assertEquals("an ID number typed into the code box is taken as one", "DELIVERED", mine.path("status").asText());
    }

    @Test
    public void aCitizenWhoComesBackIsFoundByAnyKeyMaskedAndTheSearchAudited() {
        String first = Cases.readyInstant(http, ZHAO_LIU, "赵六", "139 0000 1111", null, null);
        String second = Cases.readyInstant(http, ZHAO_LIU, "赵六", "13900001111", null, null);
        String code = http.get("/cases/" + second, "clerk").json().path("pickupCode").asText();

        JsonNode byId = lookUp(ZHAO_LIU, 1, 20);
        assertTrue(byId.toString(), byId.path("total").asLong() >= 2);
        assertEquals("newest first", second, byId.path("items").get(0).path("caseNo").asText());
        assertEquals(first, byId.path("items").get(1).path("caseNo").asText());
        assertEquals("330106********4561", byId.path("items").get(0).path("applicant").path("idNumber").asText());
        assertEquals("139****1111", byId.path("items").get(0).path("applicant").path("phone").asText());
        assertFalse(byId.toString(), byId.toString().contains(ZHAO_LIU) || byId.toString().contains("13900001111"));
        assertEquals(List.of(second), caseNos(lookUp(second, 1, 20)));
        assertEquals(List.of(second), caseNos(lookUp(code, 1, 20)).subList(0, 1));
        assertTrue("a mobile typed with spaces is kept as digits", caseNos(lookUp("139-0000-1111", 1, 20)).containsAll(List.of(first, second)));
        assertTrue(caseNos(lookUp("赵六", 1, 20)).containsAll(List.of(first, second)));
        JsonNode paged = lookUp(ZHAO_LIU, 2, 1);
        assertEquals(first, paged.path("items").get(0).path("caseNo").asText());

        // the agent's ID number finds the cases collected for others too
        String forWang = Cases.readyInstant(http, WANG_WU, "王五", null, ZHAO_LIU, "赵六");
        assertTrue(caseNos(lookUp(ZHAO_LIU, 1, 50)).contains(forWang));

        Http.Answer vague = http.postJson("/cases/lookup", "clerk", "{\"q\":\"12345\"}");
        assertEquals(vague.toString(), 400, vague.status);
        assertEquals("INVALID_LOOKUP", vague.code());
        assertEquals(403, http.postJson("/cases/lookup", "reviewer", "{\"q\":\"" + ZHAO_LIU + "\"}").status);
        JsonNode searches = http.get("/audit?action=LOOK_UP&citizen=" + ZHAO_LIU + "&size=100", "auditor").json().path("records");
        assertTrue(searches.toString(), searches.size() >= 3);
        assertEquals("clerk", searches.get(0).path("actor").asText());
        assertFalse(searches.toString().contains(ZHAO_LIU));
    }

    private JsonNode lookUp(String key, int page, int size) {
        Http.Answer found = http.postJson("/cases/lookup", "clerk", "{\"q\":\"" + key + "\",\"page\":" + page + ",\"size\":" + size + "}");
        assertEquals(found.toString(), 200, found.status);
        return found.json();
    }

    private static List<String> caseNos(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(c -> out.add(c.path("caseNo").asText()));
        return out;
    }

    @Test
    public void anInstantItemIsHandledWhileTheCitizenWaits() {
        JsonNode item = http.get("/catalog/items?size=500", "clerk").json().path("items");
        String instant = null;
        for (JsonNode i : item) {
            if (i.path("timeLimitDays").asInt() == 0) {
                instant = i.path("code").asText();
                break;
            }
        }
        List<String> required = new ArrayList<>();
        http.get("/catalog/items/" + instant, "clerk").json().path("materials").forEach(m -> {
            if (m.path("required").asBoolean()) {
                required.add(m.path("code").asText());
            }
        });
        JsonNode c = http.postJson("/cases", "clerk", Cases.open(instant, Cases.LI_SI, required.toArray(new String[0]))).json();
        String no = c.path("caseNo").asText();
        assertEquals(0, c.path("missingMaterials").size());
        String code = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).json().path("pickupCode").asText();
        assertEquals("READY_FOR_PICKUP", http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("READY_FOR_PICKUP"))
                .json().path("status").asText());
        JsonNode done = http.postJson("/cases/" + no + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + code + "\"}").json();
        assertEquals("DELIVERED", done.path("status").asText());
        assertEquals(1, done.path("visits").asInt());
        JsonNode stats = statistics();
        assertTrue(stats.path("finishedInOneVisit").asLong() >= 1);
    }

    @Test
    public void acceptanceWithDeficiencyWhereTheCatalogAllowsIt() {
        String item = null;
        String owed = null;
        List<String> others = new ArrayList<>();
        for (JsonNode summary : http.get("/catalog/items?size=500", "clerk").json().path("items")) {
            JsonNode full = http.get("/catalog/items/" + summary.path("code").asText(), "clerk").json();
            others.clear();
            owed = null;
            for (JsonNode m : full.path("materials")) {
                if (m.path("deficiencyAllowed").asBoolean() && owed == null) {
                    owed = m.path("code").asText();
                } else if (m.path("required").asBoolean()) {
                    others.add(m.path("code").asText());
                }
            }
            if (owed != null) {
                item = full.path("code").asText();
                break;
            }
        }
        assertTrue("the demo catalog flags materials for 容缺受理", item != null);
        String no = http.postJson("/cases", "clerk", Cases.open(item, Cases.LI_SI, others.toArray(new String[0])))
                .json().path("caseNo").asText();
        assertEquals("MATERIALS_MISSING", http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).code());
        JsonNode accepted = http.postJson("/cases/" + no + "/transitions", "clerk",
                "{\"to\":\"ACCEPTED\",\"deficient\":[\"" + owed + "\"]}").json();
        assertEquals(accepted.toString(), "ACCEPTED", accepted.path("status").asText());
        assertEquals(List.of(owed), codes(accepted.path("missingMaterials")));
        assertTrue(accepted.path("missingMaterials").get(0).path("owed").asBoolean());
        JsonNode last = accepted.path("history").get(accepted.path("history").size() - 1);
        assertTrue(last.path("note").asText().startsWith("容缺受理"));
    }

    @Test
    public void aRepeatFilingIsFlaggedAndCounted() {
        long before = statistics().path("repeatFilings").asLong();
        String id = "440102198001021230";
        assertTrue(http.postJson("/cases", "clerk", Cases.open(NORMAL, id)).json().path("warnings").isEmpty());
        JsonNode again = http.postJson("/cases", "clerk", Cases.open(NORMAL, id)).json();
        assertTrue(again.toString(), again.path("warnings").get(0).asText().startsWith("REPEAT_FILING"));
        assertEquals(before + 1, statistics().path("repeatFilings").asLong());
    }

    @Test
    public void concurrentClerksGetUniqueGapFreeNumbers() throws Exception {
        int clerks = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<List<String>>> work = new ArrayList<>();
        for (int t = 0; t < clerks; t++) {
            work.add(pool.submit(() -> {
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Http.Answer a = http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.LI_SI, "M01"));
                    assertEquals(a.toString(), 201, a.status);
                    numbers.add(a.json().path("caseNo").asText());
                }
                return numbers;
            }));
        }
        Set<Integer> sequences = new TreeSet<>();
        int total = 0;
        for (Future<List<String>> f : work) {
            for (String no : f.get()) {
                sequences.add(Integer.parseInt(no.substring(no.lastIndexOf('-') + 1)));
                total++;
            }
        }
        pool.shutdown();
        assertEquals("no duplicate numbers", clerks * each, sequences.size());
        assertEquals(clerks * each, total);
        int first = Collections.min(sequences);
        int last = Collections.max(sequences);
        assertEquals("no skipped numbers", clerks * each - 1, last - first);
    }

    @Test
    public void badInputIsRefusedAndChangesNothing() throws IOException {
        String no = http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.ZHANG_SAN, "M01")).json().path("caseNo").asText();
        long cases = statistics().path("cases").asLong();
        Set<String> files = scanFiles();
        int scans = http.get("/cases/" + no + "/materials", "clerk").json().size();

        assertEquals("INVALID_ID_NUMBER", http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.WRONG_CHECK_DIGIT)).code());
        assertEquals("INVALID_ID_NUMBER", http.postJson("/cases", "clerk", Cases.open(NORMAL, "441302199002301234")).code());
        Http.Answer unknownItem = http.postJson("/cases", "clerk", Cases.open("NO-SUCH-ITEM", Cases.ZHANG_SAN));
        assertEquals(404, unknownItem.status);
        assertEquals("ITEM_NOT_FOUND", unknownItem.code());
        Http.Answer unlisted = http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.ZHANG_SAN, "M01", "PROOF-OF-NOTHING"));
        assertEquals("MATERIAL_NOT_IN_CATALOG", unlisted.code());
        Http.Answer malformed = http.postJson("/cases", "clerk", "{\"itemCode\": ");
        assertEquals(400, malformed.status);
        assertEquals("MALFORMED_JSON", malformed.code());
        assertEquals(403, http.postJson("/cases", "reviewer", Cases.open(NORMAL, Cases.ZHANG_SAN, "M01")).status);

        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        Http.Answer exe = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"scan.pdf"}, new byte[][] {executable});
        assertEquals(415, exe.status);
        assertEquals("UNSUPPORTED_FILE_TYPE", exe.code());
        Http.Answer oneBadOfTwo = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"ok.png", "bad.pdf"},
                new byte[][] {Cases.png("fine page " + System.nanoTime()), executable});
        assertEquals(415, oneBadOfTwo.status);
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(Cases.png(""), 0, huge, 0, 8);
        Http.Answer tooLarge = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"big.png"}, new byte[][] {huge});
        assertEquals(413, tooLarge.status);
        Http.Answer pathLike = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"../../etc/users.properties"},
                new byte[][] {Cases.png("sneaky")});
        assertEquals(400, pathLike.status);
        assertEquals("INVALID_FILE_NAME", pathLike.code());
        assertEquals("CASE_NOT_FOUND", http.upload("/cases/441302-19990101-0001/materials", "clerk", new String[] {"a.png"},
                new byte[][] {Cases.png("x")}).code());

        assertEquals(cases, statistics().path("cases").asLong());
        assertEquals(scans, http.get("/cases/" + no + "/materials", "clerk").json().size());
        assertEquals("no file left behind in data/", files, scanFiles());
    }

    @Test
    public void shellShowsCasesToDistrictIt() throws Exception {
        String no = http.postJson("/cases", "clerk", Cases.open(NORMAL, Cases.ZHANG_SAN, "M01")).json().path("caseNo").asText();
        String list = shell("onewindow:case-list -n 500");
        assertTrue(list, list.contains(no));
        assertFalse("ID numbers are masked in the shell", list.contains(Cases.ZHANG_SAN));
        String status = shell("onewindow:status");
        assertTrue(status, status.contains("intake") && status.contains("scanning"));
    }

    private JsonNode statistics() {
        Http.Answer a = http.get("/cases/statistics", "supervisor");
        assertEquals(a.toString(), 200, a.status);
        return a.json();
    }

    private static Set<String> scanFiles() throws IOException {
        Path root = Paths.get(System.getProperty("karaf.data"), "onewindow", "scans");
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isObject() ? n.path("code").asText() : n.asText()));
        return out;
    }
}
