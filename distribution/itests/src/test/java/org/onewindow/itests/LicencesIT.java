package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The electronic licence library (一号申办): an approval issues a licence that the next case reuses
 * instead of paper, revocation and expiry are respected at once, imports are all or nothing, and every
 * read is tied to a case or a purpose and logged. Each test uses its own applicants.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LicencesIT extends DemoApplianceTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** Valid resident ID numbers, one or two per test. */
    static final String BUYER = "330102198506150016";
    static final String TENANT = "330102198506150024";
    static final String IMPORTED = "330102198506150032";
    static final String READ = "330102198506150040";
    static final String REPEAT = "330102198506150059";
    static final String DUPLICATE = "330102198506150067";

    @Override
    @Before
    public void apiUp() throws InterruptedException {
        super.apiUp();
        // the library publishes its API once its tables are migrated, which may be after the window's
        http.awaitOk("/licences/access?holder=" + BUYER, "auditor", Duration.ofSeconds(60));
    }

    @Test
    public void anApprovedLicenceStandsInForPaperInTheNextCase() {
        // 存量房买卖转移登记: its result is a 不动产权证书
        String sale = Cases.accepted(http, item("ZR-BDC-001"), BUYER).path("caseNo").asText();
        Cases.awaitStatus(http, sale, "IN_REVIEW");
        JsonNode approved = http.postJson("/cases/" + sale + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"不动产权证书\",\"licenceNo\":\"ZR2026-0000001\"}").json();
        assertEquals(approved.toString(), "APPROVED", approved.path("status").asText());
        assertEquals("ZR2026-0000001", approved.path("decision").path("licenceNo").asText());

        JsonNode licence = http.get("/licences/REAL_ESTATE_CERT/ZR2026-0000001?purpose=" + enc("核验不动产权证书"), "clerk").json();
        assertEquals(licence.toString(), "VALID", licence.path("status").asText());
        assertEquals(BUYER, licence.path("holderId").asText());
        assertEquals(sale, licence.path("caseNo").asText());
        assertEquals("ZR", licence.path("issuerCode").asText());
        assertEquals(TODAY.toString(), licence.path("issuedOn").asText());
        assertTrue("不动产权证书 does not expire", licence.path("validTo").isMissingNode());

        // 房屋租赁登记备案 needs the 不动产权证书 (M03): the library has it, no paper and no scan
        Http.Answer opened = http.postJson("/cases", "clerk", Cases.open("ZJ-FW-001", BUYER, "M01", "M02"));
        assertEquals(opened.toString(), 201, opened.status);
        JsonNode lease = opened.json();
        String no = lease.path("caseNo").asText();
        JsonNode deed = material(lease, "M03");
        assertTrue(deed.toString(), deed.path("received").asBoolean());
        assertEquals("LICENCE", deed.path("source").asText());
        assertEquals("ZR2026-0000001", deed.path("licenceNo").asText());
        assertEquals("WINDOW", material(lease, "M01").path("source").asText());
        assertEquals(0, lease.path("missingMaterials").size());
        assertEquals("no scan was needed", 0, http.get("/cases/" + no + "/materials", "clerk").json().size());
        String notice = http.get("/cases/" + no + "/notice", "clerk").body;
        assertTrue(notice, notice.contains("无需再次提交") && notice.contains("ZR2026-0000001"));
        JsonNode accepted = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).json();
        assertEquals(accepted.toString(), "ACCEPTED", accepted.path("status").asText());
        assertTrue(http.get("/cases/" + no + "/receipt", "clerk").body.contains("无需提交纸质材料"));

        // the library's read for the case is in the holder's access log
        JsonNode log = http.get("/licences/access?holder=" + BUYER, "auditor").json();
        assertTrue(log.toString(), has(log, "REUSE_CHECK", no));
    }

    @Test
    public void aLicenceNumberAlreadyTakenRefusesTheWholeApproval() {
        importRows(200, row("REAL_ESTATE_CERT", "ZR2026-TAKEN", DUPLICATE, null, null));
        String sale = Cases.accepted(http, item("ZR-BDC-001"), DUPLICATE).path("caseNo").asText();
        Cases.awaitStatus(http, sale, "IN_REVIEW");
        Http.Answer refused = http.postJson("/cases/" + sale + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"不动产权证书\",\"licenceNo\":\"ZR2026-TAKEN\"}");
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("LICENCE_EXISTS", refused.code());
        JsonNode unchanged = http.get("/cases/" + sale, "reviewer").json();
        assertEquals("approval and licence are one transaction", "IN_REVIEW", unchanged.path("status").asText());
        assertTrue(unchanged.path("decision").isMissingNode() || unchanged.path("decision").isNull());

        JsonNode approved = http.postJson("/cases/" + sale + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"不动产权证书\"}").json();
        assertEquals("without a number the case number is the licence number", sale,
                approved.path("decision").path("licenceNo").asText());
        assertEquals(sale, http.get("/licences/REAL_ESTATE_CERT/" + sale + "?caseNo=" + sale, "clerk").json().path("caseNo").asText());
    }

    @Test
    public void revocationAndExpiryAreRespectedAtOnce() {
        importRows(200,
                row("HOUSEHOLD_REGISTER", "HK-IMPORTED-1", IMPORTED, null, null),
                row("MARRIAGE_CERT", "JH-IMPORTED-1", IMPORTED, "2010-05-20", TODAY.minusDays(1).toString()));
        // 户口迁入登记: M02 居民户口簿 comes from the library, M01 居民身份证 (none in the library) is still missing
        JsonNode move = http.postJson("/cases", "clerk", Cases.open("GA-HJ-001", IMPORTED, "M03")).json();
        String no = move.path("caseNo").asText();
        assertEquals("LICENCE", material(move, "M02").path("source").asText());
        assertFalse(material(move, "M01").path("received").asBoolean());

        Http.Answer clerk = http.postJson("/licences/HOUSEHOLD_REGISTER/HK-IMPORTED-1/revocation", "clerk", "{\"reason\":\"x\"}");
        assertEquals(403, clerk.status);
        JsonNode revoked = http.postJson("/licences/HOUSEHOLD_REGISTER/HK-IMPORTED-1/revocation", "admin",
                "{\"reason\":\"户口已迁出，原户口簿注销\"}").json();
        assertEquals(revoked.toString(), "REVOKED", revoked.path("status").asText());

        assertEquals(200, http.postJson("/cases/" + no + "/received-materials", "clerk", "{\"materials\":[\"M01\"]}").status);
        Http.Answer refused = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED"));
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("MATERIALS_MISSING", refused.code());
        assertTrue(refused.body, refused.body.contains("M02"));
        JsonNode after = http.get("/cases/" + no, "clerk").json();
        assertFalse("the revoked licence no longer stands in for the paper", material(after, "M02").path("received").asBoolean());
        assertEquals("DRAFT", after.path("status").asText());

        // 生育登记 needs a 结婚证: the imported one expired yesterday
        JsonNode birth = http.postJson("/cases", "clerk", Cases.open("WJ-FY-001", IMPORTED, "M01")).json();
        assertFalse(material(birth, "M02").path("received").asBoolean());
        JsonNode mine = http.get("/licences?holder=" + IMPORTED + "&caseNo=" + birth.path("caseNo").asText(), "clerk").json();
        assertEquals(mine.toString(), "EXPIRED", licence(mine, "JH-IMPORTED-1").path("status").asText());
        assertEquals("REVOKED", licence(mine, "HK-IMPORTED-1").path("status").asText());
    }

    @Test
    public void aBulkImportWithOneBadRowChangesNothing() throws Exception {
        String good1 = row("BUSINESS_LICENCE", "BL-BULK-1", "91350100M000100Y43", "2020-01-01", null)
                .replace("\"holderId\"", "\"holderIdType\":\"CREDIT_CODE\",\"holderId\"");
        String bad = row("FOOD_BUSINESS_LICENCE", "FB-BULK-2", "330102198506150017", "2023-01-01", null);
        String good3 = row("FOOD_BUSINESS_LICENCE", "FB-BULK-3", REPEAT, "2023-01-01", null);
        Http.Answer refused = importRows(400, good1, bad, good3);
        assertEquals("LICENCES_INVALID", refused.code());
        JsonNode details = refused.json().path("details");
        assertEquals(refused.body, 1, details.size());
        assertEquals("#2", details.get(0).path("item").asText());
        assertEquals("holderId", details.get(0).path("field").asText());
        assertEquals("nothing of the file was kept", 404,
                http.get("/licences/BUSINESS_LICENCE/BL-BULK-1?purpose=" + enc("导入核对"), "admin").status);
        assertEquals(403, http.postJson("/licences/import", "clerk", "[" + good1 + "]").status);
        assertEquals(400, http.postJson("/licences/import", "admin", "[{\"type\":").status);

        Path file = Files.createTempFile("licences", ".json");
        Files.writeString(file, "[" + good1 + "," + bad + "," + good3 + "]", StandardCharsets.UTF_8);
        String shellRefused = shell("onewindow:licence-import " + file);
        assertTrue(shellRefused, shellRefused.contains("LICENCES_INVALID") && shellRefused.contains("#2"));
        Files.writeString(file, "[" + good1 + "," + good3 + "]", StandardCharsets.UTF_8);
        String done = shell("onewindow:licence-import " + file);
        assertTrue(done, done.contains("Imported") && done.contains("2 licences"));
        JsonNode food = http.get("/licences/FOOD_BUSINESS_LICENCE/FB-BULK-3?purpose=" + enc("导入核对"), "admin").json();
        assertEquals("食品经营许可证 is valid five years by its type", "2027-12-31", food.path("validTo").asText());
        Http.Answer again = importRows(400, good1);
        assertTrue(again.body, again.body.contains("已在证照库中"));
        String shown = shell("onewindow:licence-show --purpose 运维核对 FOOD_BUSINESS_LICENCE FB-BULK-3");
        assertTrue(shown, shown.contains("VALID") && shown.contains("FB-BULK-3"));
    }

    @Test
    public void readsNeedACaseOrAPurposeAndAreLogged() throws Exception {
        importRows(200, row("SOCIAL_SECURITY_CARD", "SB-READ-1", READ, "2024-01-01", null));
        Http.Answer bare = http.get("/licences?holder=" + READ, "clerk");
        assertEquals(bare.toString(), 400, bare.status);
        assertEquals("PURPOSE_REQUIRED", bare.code());
        assertEquals(400, http.get("/licences/SOCIAL_SECURITY_CARD/SB-READ-1", "clerk").status);
        assertEquals("INVALID_ID_NUMBER", http.get("/licences?holder=330102198506150041&purpose=x", "clerk").code());
        assertEquals(401, http.get("/licences?holder=" + READ + "&purpose=x", null).status);

        String othersCase = http.postJson("/cases", "clerk", Cases.open("RS-SB-003", Cases.LI_SI, "M01")).json().path("caseNo").asText();
        Http.Answer notTheirs = http.get("/licences?holder=" + READ + "&caseNo=" + othersCase, "clerk");
        assertEquals(notTheirs.toString(), 403, notTheirs.status);
        assertEquals("CASE_NOT_OF_HOLDER", notTheirs.code());

        JsonNode listed = http.get("/licences?holder=" + READ + "&purpose=" + enc("咨询社保卡状态"), "clerk").json();
        assertEquals(1, listed.path("licences").size());
        assertEquals("330102********0040", listed.path("holder").asText());
        JsonNode latest = listed.path("recentAccess").get(0);
        assertEquals("this very read is in the holder's view", "LIST", latest.path("action").asText());
        assertEquals("咨询社保卡状态", latest.path("purpose").asText());
        assertEquals("clerk", latest.path("actor").asText());

        Http.Answer unstated = http.get("/licences/usable?holder=" + READ + "&type=SOCIAL_SECURITY_CARD", "clerk");
        assertEquals("PURPOSE_REQUIRED", unstated.code());
        JsonNode usable = http.get("/licences/usable?holder=" + READ + "&type=SOCIAL_SECURITY_CARD&type=HOUSEHOLD_REGISTER&purpose="
                + enc("收件前核验"), "clerk").json();
        assertEquals(usable.toString(), "SB-READ-1", usable.path("SOCIAL_SECURITY_CARD").path("number").asText());
        assertFalse("no licence of that type", usable.has("HOUSEHOLD_REGISTER"));
        assertEquals("the check before intake is logged", "收件前核验",
                http.get("/licences/access?holder=" + READ, "auditor").json().get(0).path("purpose").asText());

        shell("onewindow:licence-show --purpose 运维核对 " + READ);
        JsonNode log = http.get("/licences/access?holder=" + READ, "auditor").json();
        assertTrue(log.toString(), log.get(0).path("actor").asText().startsWith("shell:"));
        assertEquals("运维核对", log.get(0).path("purpose").asText());
        assertEquals(403, http.get("/licences/access?holder=" + READ, "clerk").status);
    }

    @Test
    public void aMaterialOfAnEarlierCaseIsReusedWhenTheClerkConfirms() {
        // the 居民身份证 handed in on paper for one case stands for the next one (no licence of it in the library)
        String first = http.postJson("/cases", "clerk", Cases.open("RS-SB-003", REPEAT, "M01", "M02")).json().path("caseNo").asText();
        JsonNode second = http.postJson("/cases", "clerk", Cases.open("YB-CB-001", REPEAT)).json();
        String no = second.path("caseNo").asText();
        assertFalse(material(second, "M01").path("received").asBoolean());

        JsonNode mine = http.get("/licences?holder=" + REPEAT + "&caseNo=" + no, "clerk").json();
        assertTrue(mine.toString(), has(mine.path("earlierMaterials"), first, "M01"));

        String stranger = http.postJson("/cases", "clerk", Cases.open("RS-SB-003", Cases.ZHANG_SAN, "M01")).json().path("caseNo").asText();
        Http.Answer refused = http.postJson("/cases/" + no + "/reused-materials", "clerk",
                "{\"material\":\"M01\",\"fromCaseNo\":\"" + stranger + "\"}");
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("MATERIAL_NOT_REUSABLE", refused.code());
        assertEquals(403, http.postJson("/cases/" + no + "/reused-materials", "reviewer",
                "{\"material\":\"M01\",\"fromCaseNo\":\"" + first + "\"}").status);

        JsonNode reused = http.postJson("/cases/" + no + "/reused-materials", "clerk",
                "{\"material\":\"M01\",\"fromCaseNo\":\"" + first + "\"}").json();
        JsonNode id = material(reused, "M01");
        assertTrue(reused.toString(), id.path("received").asBoolean());
        assertEquals("EARLIER_CASE", id.path("source").asText());
        assertEquals(first, id.path("fromCaseNo").asText());
    }

    private JsonNode item(String code) {
        return http.get("/catalog/items/" + code, "clerk").json();
    }

    private Http.Answer importRows(int status, String... rows) {
        Http.Answer answer = http.postJson("/licences/import", "admin", "[" + String.join(",", rows) + "]");
        assertEquals(answer.toString(), status, answer.status);
        return answer;
    }

    private static String row(String type, String number, String holder, String issuedOn, String validTo) {
        return "{\"type\":\"" + type + "\",\"number\":\"" + number + "\",\"holderId\":\"" + holder + "\",\"holderName\":\"持证人\","
                + "\"issuerCode\":\"HIST\",\"issuerName\":\"历史数据\",\"issuedOn\":\"" + (issuedOn == null ? "2019-06-01" : issuedOn) + "\""
                + (validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"") + "}";
    }

    private static JsonNode material(JsonNode c, String code) {
        for (JsonNode m : c.path("materials")) {
            if (code.equals(m.path("code").asText())) {
                return m;
            }
        }
        throw new AssertionError("no material " + code + " in " + c);
    }

    private static JsonNode licence(JsonNode catalog, String number) {
        for (JsonNode l : catalog.path("licences")) {
            if (number.equals(l.path("number").asText())) {
                return l;
            }
        }
        throw new AssertionError("no licence " + number + " in " + catalog);
    }

    /** Whether an entry of {@code list} has both values among its fields. */
    private static boolean has(JsonNode list, String a, String b) {
        for (JsonNode n : list) {
            String text = n.toString();
            if (text.contains("\"" + a + "\"") && text.contains("\"" + b + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
