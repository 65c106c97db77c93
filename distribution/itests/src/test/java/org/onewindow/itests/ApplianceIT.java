package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onewindow.catalog.CatalogService;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/** The district appliance as built: features, health, demo catalog, versioned imports, errors, shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApplianceIT extends DemoApplianceTest {

    // as long as BootFinished may take: on a busy machine these come well after the test starts (10 s is the default)
    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    /** Up once its migrations ran and the demo catalog is imported, which on a busy machine is more than 10 s after boot. */
    @Inject
    @Filter(timeout = 180_000)
    CatalogService catalog;

    @Test
    public void districtFeaturesAreInstalled() throws Exception {
        for (String feature : List.of("onewindow-platform", "onewindow-catalog")) {
            assertTrue(feature, features.isInstalled(features.getFeature(feature)));
        }
        assertNotNull("onewindow-district is offered", features.getFeature("onewindow-district"));
    }

    @Test
    public void healthIsOpenAndTellsNothingSensitive() {
        Http.Answer health = http.get("/health", null);
        assertEquals(200, health.status);
        JsonNode body = health.json();
        // DEGRADED in the last weeks of a year whose next holiday schedule is not shipped yet (CALENDAR_YEAR_MISSING)
        assertTrue(body.toString(), List.of("UP", "DEGRADED").contains(body.path("status").asText()));
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals("the status alone", List.of("status"), fields);
        JsonNode details = http.get("/health/details", "clerk").json();
        assertEquals(body.path("status").asText(), details.path("status").asText());
        assertEquals("district", details.path("role").asText());
        assertEquals("441302", details.path("node").asText());
        assertEquals("the release built", System.getProperty("onewindow.version"), details.path("version").asText());
        assertEquals("the details are for staff", 401, http.get("/health/details", null).status);
    }

    @Test
    public void demoCatalogIsThere() {
        JsonNode page = http.get("/catalog/items?size=500", "clerk").json();
        assertTrue(page.toString(), page.path("total").asLong() >= 40);
        assertTrue(http.get("/catalog/departments", "clerk").json().size() >= 10);
        JsonNode hits = http.get("/catalog/items?q=%E6%88%B7%E5%8F%A3", "clerk").json(); // 户口
        assertTrue(hits.path("total").asLong() > 0);
        for (JsonNode item : hits.path("items")) {
            assertTrue(item.toString(), item.path("name").asText().contains("户口") || item.path("keywords").toString().contains("户口"));
        }
        JsonNode item = http.get("/catalog/items/" + page.path("items").get(0).path("code").asText(), "reviewer").json();
        assertTrue("an item comes with its materials", item.path("materials").size() > 0);
    }

    @Test
    public void commonWordsAndPinyinFindItemsInTheConsolesTheKiosksAndTheShellsSearch() throws Exception {
        for (String[] expected : new String[][] {{"营业执照", "SJ-DJ-001"}, {"营业执照", "SJ-DJ-002"}, {"户籍", "GA-HJ-001"},
                {"hkqr", "GA-HJ-001"}, {"HuKou", "GA-HJ-001"}, {"yyzz", "SJ-DJ-001"}, {"tezhonghangye", "GA-ZA-001"}}) {
            String q = java.net.URLEncoder.encode(expected[0], java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(expected[0], codes(http.get("/catalog/items?size=100&q=" + q, "clerk").json()).contains(expected[1]));
            assertTrue(expected[0], codes(http.get("/public/catalog/items?size=100&q=" + q, null).json()).contains(expected[1]));
        }
        assertEquals(List.of("GA-HJ-001"), codes(http.get("/catalog/items?q=hkqrdj", "clerk").json()));
        String shell = shell("onewindow:catalog-list -q hkqr");
        assertTrue(shell, shell.contains("户口迁入登记"));
        String licence = shell("onewindow:catalog-list -q 营业执照");
        assertTrue(licence, licence.contains("个体工商户设立登记"));
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new java.util.ArrayList<>();
        page.path("items").forEach(i -> codes.add(i.path("code").asText()));
        return codes;
    }

    @Test
    public void importOfANewVersionKeepsTheOldOneReadable() {
        Http.Answer first = http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-VER-1", "版本测试", 5)));
        assertEquals(first.toString(), 200, first.status);
        assertEquals("CREATED", first.json().path("items").get(0).path("outcome").asText());

        Http.Answer second = http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-VER-1", "版本测试", 3)));
        assertEquals(second.toString(), 200, second.status);
        assertEquals(2, second.json().path("items").get(0).path("version").asInt());

        assertEquals(3, http.get("/catalog/items/IT-VER-1", "clerk").json().path("timeLimitDays").asInt());
        JsonNode old = http.get("/catalog/items/IT-VER-1?version=1", "clerk").json();
        assertEquals(1, old.path("version").asInt());
        assertEquals(5, old.path("timeLimitDays").asInt());
        assertEquals("[1,2]", http.get("/catalog/items/IT-VER-1/versions", "clerk").body);

        Http.Answer again = http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-VER-1", "版本测试", 3)));
        assertEquals("UNCHANGED", again.json().path("items").get(0).path("outcome").asText());
    }

    @Test
    public void aBadImportChangesNothing() {
        String before = http.get("/catalog/export", "admin").body;
        String good = CatalogFiles.item("IT-BAD-1", "好事项", 1);
        String bad = CatalogFiles.item("IT-BAD-2", "坏事项", -1);
        Http.Answer refused = http.postJson("/catalog/items", "admin", CatalogFiles.array(good, bad));
        assertEquals(400, refused.status);
        assertEquals("CATALOG_INVALID", refused.code());
        assertEquals("IT-BAD-2", refused.json().path("details").get(0).path("item").asText());
        assertEquals("timeLimitDays", refused.json().path("details").get(0).path("field").asText());
        assertEquals(before, http.get("/catalog/export", "admin").body);
        assertEquals("ITEM_NOT_FOUND", http.get("/catalog/items/IT-BAD-1", "clerk").code());
    }

    @Test
    public void aPromiseLongerThanTheStatutoryLimitIsRefusedAndBothAreShown() {
        String promise10 = CatalogFiles.item("IT-LAW-1", "法定时限测试", 10);
        Http.Answer longer = http.postJson("/catalog/items", "admin",
                CatalogFiles.array(promise10.replace("\"timeLimitDays\":10,", "\"timeLimitDays\":10,\"statutoryLimitDays\":5,")));
        assertEquals(longer.toString(), 400, longer.status);
        assertEquals("CATALOG_INVALID", longer.code());
        assertEquals("timeLimitDays", longer.json().path("details").get(0).path("field").asText());
        assertEquals("ITEM_NOT_FOUND", http.get("/catalog/items/IT-LAW-1", "clerk").code());

        Http.Answer within = http.postJson("/catalog/items", "admin",
                CatalogFiles.array(promise10.replace("\"timeLimitDays\":10,", "\"timeLimitDays\":10,\"statutoryLimitDays\":20,"
                        + "\"extension\":{\"times\":2,\"maxDays\":15,\"legalBasis\":\"《测试条例》第二条\"},")));
        assertEquals(within.toString(), 200, within.status);
        JsonNode item = http.get("/catalog/items/IT-LAW-1", "clerk").json();
        assertEquals(20, item.path("statutoryLimitDays").asInt());
        assertEquals(2, item.path("extension").path("times").asInt());
        assertEquals("an item from before the field imports as it was", 200,
                http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-LAW-2", "旧格式", 10))).status);
        assertTrue(http.get("/catalog/items/IT-LAW-2", "clerk").json().path("statutoryLimitDays").isMissingNode());
    }

    @Test
    public void everyErrorIsJsonWithAStableCode() {
        // 401: no login, wrong password
        Http.Answer anonymous = http.get("/catalog/items", null);
        assertEquals(401, anonymous.status);
        assertEquals("UNAUTHENTICATED", anonymous.code());
        assertNotNull(anonymous.challenge);
        assertEquals(401, http.get("/catalog/items", "clerk:wrong").status);
        // 403: a clerk may read the catalog but not import
        Http.Answer clerkImport = http.postJson("/catalog/items", "clerk", CatalogFiles.array(CatalogFiles.item("IT-403", "无权", 1)));
        assertEquals(403, clerkImport.status);
        assertEquals("FORBIDDEN", clerkImport.code());
        assertEquals("ITEM_NOT_FOUND", http.get("/catalog/items/IT-403", "clerk").code());
        // 404: unknown item, unknown version, unknown path
        assertEquals(404, http.get("/catalog/items/NO-SUCH-ITEM", "clerk").status);
        assertEquals("VERSION_NOT_FOUND", http.get("/catalog/items/GA-HJ-001?version=99", "clerk").code());
        assertEquals("NOT_FOUND", http.get("/no/such/path", "clerk").code());
        // 400: malformed JSON, bad paging
        Http.Answer malformed = http.postJson("/catalog/items", "admin", "[{\"code\": ");
        assertEquals(400, malformed.status);
        assertEquals("MALFORMED_JSON", malformed.code());
        assertEquals("INVALID_QUERY", http.get("/catalog/items?size=501", "clerk").code());
        assertEquals("INVALID_QUERY", http.get("/catalog/items?page=zero", "clerk").code());
        // 409: an edit of a version that is no longer current
        http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-409", "冲突", 1)));
        http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("IT-409", "冲突", 2)));
        String stale = CatalogFiles.item("IT-409", "冲突", 4).replaceFirst("\\{", "{\"version\":1,");
        Http.Answer conflict = http.postJson("/catalog/items", "admin", CatalogFiles.array(stale));
        assertEquals(409, conflict.status);
        assertEquals("CATALOG_VERSION_CONFLICT", conflict.code());
        // 413: larger than maxImportBytes
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        Http.Answer tooLarge = http.post("/catalog/items", "admin", "application/json", huge);
        assertEquals(413, tooLarge.status);
        assertEquals("PAYLOAD_TOO_LARGE", tooLarge.code());
        // 415
        assertEquals(415, http.post("/catalog/items", "admin", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status);
        for (Http.Answer a : List.of(anonymous, clerkImport, malformed, conflict, tooLarge)) {
            assertTrue(a.contentType, a.contentType.startsWith("application/json"));
            assertFalse(a.body, a.body.contains("Exception"));
        }
    }

    @Test
    public void openApiDescribesEveryPath() {
        Http.Answer doc = http.get("/openapi.json", null);
        assertEquals(200, doc.status);
        JsonNode paths = doc.json().path("paths");
        for (String path : List.of("/health", "/health/details", "/session", "/public/catalog/items", "/public/cases/{caseNo}/status", "/users", "/catalog/items", "/catalog/items/{code}", "/catalog/items/{code}/versions",
                "/catalog/departments", "/catalog/export", "/cases", "/cases/{caseNo}", "/cases/{caseNo}/transitions",
                "/cases/{caseNo}/notice", "/cases/{caseNo}/receipt", "/cases/{caseNo}/materials", "/cases/{caseNo}/materials/{id}",
                "/cases/{caseNo}/decision", "/cases/{caseNo}/supplement", "/cases/{caseNo}/extension", "/review/queue",
                "/relay/outbox", "/relay/outbox/{id}/retry", "/relay/callback/{department}", "/supervision/cards",
                "/supervision/stats", "/licences", "/licences/{type}/{number}", "/licences/{type}/{number}/revocation",
                "/licences/import", "/licences/access", "/catalog/licence-types", "/cases/{caseNo}/reused-materials", "/backups", "/")) {
            assertTrue(path, paths.has(path));
        }
    }

    @Test
    public void theAddressAloneLeadsToTheConsoleAndTheApiHasAnIndex() {
        Http.Answer root = new Http("http://localhost:" + HTTP_PORT, java.net.http.HttpClient.newHttpClient()).get("/", null);
        assertEquals(302, root.status);
        assertTrue(root.headers.firstValue("Location").orElse(""), root.headers.firstValue("Location").orElse("").endsWith("/console/"));
        assertEquals("nothing else is caught by the root", 404,
                new Http("http://localhost:" + HTTP_PORT, java.net.http.HttpClient.newHttpClient()).get("/no-such-page", null).status);
        JsonNode index = http.get("", null).json();
        assertEquals("/api/v1/openapi.json", index.path("links").path("openapi").asText());
        assertEquals("/console/", index.path("links").path("console").asText());
        assertEquals(200, http.get(index.path("links").path("openapi").asText().substring("/api/v1".length()), null).status);
    }

    @Test
    public void shellCommandsForDistrictIt() throws Exception {
        String status = shell("onewindow:status");
        assertTrue(status, status.contains("district 441302"));
        assertTrue(status, status.contains("惠城区"));
        assertTrue(status, status.contains("DEMO"));
        assertTrue(status, status.contains("items"));
        String list = shell("onewindow:catalog-list -q 身份证 -s 500");
        assertTrue(list, list.contains("居民身份证"));
        assertTrue(list, list.matches("(?s).*\\d+ items, page 1 of \\d+.*"));
        assertTrue("kinds as a hall names them: " + list, list.contains("公共服务") && !list.contains("PUBLIC_SERVICE"));
        List<String> lines = list.lines().filter(l -> l.contains(" | ")).toList();
        assertTrue(list, lines.size() > 2);
        for (String line : lines) {
            assertEquals("every column lines up on the terminal, after Chinese names too:\n" + list, separators(lines.get(0)), separators(line));
        }
    }

    /** The terminal columns of a table line's separators ({@code |}), a wide (CJK) character taking two. */
    private static List<Integer> separators(String line) {
        List<Integer> at = new ArrayList<>();
        int column = 0;
        for (int c : line.codePoints().toArray()) {
            if (c == '|') {
                at.add(column);
            }
            boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
            column += wide ? 2 : 1;
        }
        return at;
    }

    @Test
    public void shellImportIsAllOrNothing() throws Exception {
        long before = catalog.count();
        Path file = Files.createTempFile("catalog", ".json");
        Files.writeString(file, CatalogFiles.array(CatalogFiles.item("IT-SH-1", "命令行", 1),
                CatalogFiles.item("IT-SH-2", "命令行", -3)));
        String refused = shell("onewindow:catalog-import " + file);
        assertTrue(refused, refused.contains("CATALOG_INVALID"));
        assertTrue(refused, refused.contains("IT-SH-2 timeLimitDays"));
        assertEquals(before, catalog.count());
        Files.writeString(file, CatalogFiles.array(CatalogFiles.item("IT-SH-1", "命令行", 1)));
        String done = shell("onewindow:catalog-import " + file);
        assertTrue(done, done.contains("1 created"));
        assertEquals(before + 1, catalog.count());
    }

    @Test
    public void aRefusedImportSaysWhyOnDistrictItsTerminal() throws Exception {
        // over SSH, as district IT runs it (bin/client): what a command wrote to System.err never reached them
        Ssh ssh = new Ssh(SSH_PORT);
        Path file = Files.createTempFile("catalog", ".json");
        Files.writeString(file, CatalogFiles.array(CatalogFiles.item("IT-SSH-1", "命令行", -3)));
        String refused = ssh.run("operator", "operator-demo", "onewindow:catalog-import " + file);
        assertTrue(refused, refused.contains("CATALOG_INVALID") && refused.contains("IT-SSH-1 timeLimitDays"));
        String missing = ssh.run("operator", "operator-demo", "onewindow:catalog-import " + file + ".missing");
        assertTrue(missing, missing.contains("No such file"));
        String licences = ssh.run("operator", "operator-demo", "onewindow:licence-import " + file + ".missing");
        assertTrue(licences, licences.contains("No such file"));
    }

    @Test
    public void caseShowNamesStatusesAndChannelsAsCaseListDoes() throws Exception {
        String caseNo = Cases.accepted(http, http.get("/catalog/items/GA-HJ-001", "clerk").json(), Citizens.withCheckDigit("44130219900101001"))
                .path("caseNo").asText();
        String shown = shell("onewindow:case-show " + caseNo);
        // the relay may have handed it to the department already
        assertTrue(shown, shown.startsWith(caseNo + "  已受理") || shown.startsWith(caseNo + "  审查中"));
        assertTrue(shown, shown.contains("channel    窗口"));
        assertTrue(shown, shown.contains("收件中 -> 已受理"));
        assertFalse("no status or channel as an English code: " + shown, shown.matches("(?s).*\\b(ACCEPTED|DRAFT|WINDOW|IN_REVIEW|WITHDRAWN)\\b.*"));
    }
}
