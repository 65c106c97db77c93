package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/metrics} as district IT's Prometheus scrapes it: figures present and moving under a little intake,
 * counted by the resource's template and never naming a case or a citizen, and readable by the monitoring account and
 * the system administrator only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends DemoApplianceTest {
    private static final String POSTS = "onewindow_http_server_requests_seconds_count{endpoint=\"/api/v1/cases\",method=\"POST\",status=\"201\"}";
    private static final String TRANSITIONS =
            "onewindow_http_server_requests_seconds_count{endpoint=\"/api/v1/cases/{caseNo}/transitions\",method=\"POST\",status=\"200\"}";
    private static final String READS = "onewindow_http_server_requests_seconds_count{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\"}";
    /**
     * A case number (441302-20261206-0001) or an 18-character ID number anywhere in a scrape; not the 18
     * digits of a figure's fraction ({@code 0.057692307692307696} was one in a CI run), so neither a digit
     * nor a point may come before or after it.
     */
    private static final Pattern PERSONAL = Pattern.compile("\\d{6}-\\d{8}-\\d{4}|(?<![\\d.])\\d{17}[\\dXx](?![\\d.])");

    @Override
    @Before
    public void apiUp() throws InterruptedException {
        super.apiUp();
        http.awaitOk("/metrics", "monitor", Duration.ofSeconds(60));
    }

    @Test
    public void theFiguresMoveUnderIntakeByTemplateAndNameNoCaseNorCitizen() throws Exception {
        String before = scrape();
        JsonNode item = Cases.item(http, "GA", 1);
        List<String> numbers = new ArrayList<>();
        for (String id : List.of(Cases.ZHANG_SAN, Cases.LI_SI, Cases.ZHANG_SAN)) {
            String no = Cases.accepted(http, item, id).path("caseNo").asText();
            numbers.add(no);
            assertEquals(200, http.get("/cases/" + no, "clerk").status);
        }
        // the database's figures are read at most every 5 s (cacheSeconds): wait for the next reading
        String after = null;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            after = scrape();
            if (sum(after, "onewindow_cases_taken_in_total") >= sum(before, "onewindow_cases_taken_in_total") + 3) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(after, sum(before, POSTS) + 3, sum(after, POSTS), 0);
        assertEquals(after, sum(before, TRANSITIONS) + 3, sum(after, TRANSITIONS), 0);
        assertTrue(after, sum(after, READS) >= sum(before, READS) + 3);
        assertEquals("cases taken in", sum(before, "onewindow_cases_taken_in_total") + 3, sum(after, "onewindow_cases_taken_in_total"), 0);
        assertEquals("the cases by status hold them", sum(before, "onewindow_cases{") + 3, sum(after, "onewindow_cases{"), 0);
        assertTrue(after, after.contains("onewindow_http_server_requests_seconds_bucket{endpoint=\"/api/v1/cases\",method=\"POST\",status=\"201\",le=\"0.25\"}"));

        // no case number, no ID number, not even the raw path of a request that carried one
        for (String no : numbers) {
            assertFalse(no + " in the scrape", after.contains(no));
        }
        assertFalse(after.contains(Cases.ZHANG_SAN) || after.contains(Cases.LI_SI));
        Matcher personal = PERSONAL.matcher(after);
        assertFalse("personal data: " + (personal.find() ? personal.group() : ""), PERSONAL.matcher(after).find());
        assertEquals("an unknown path is one label: " + after, 0, sum(after, "{endpoint=\"/api/v1/cases/441302"), 0);

        // every figure of ours is explained, in base units
        Matcher type = Pattern.compile("(?m)^# TYPE (onewindow_\\S+) (\\S+)$").matcher(after);
        int figures = 0;
        while (type.find()) {
            figures++;
            assertTrue("HELP of " + type.group(1), Pattern.compile("(?m)^# HELP " + Pattern.quote(type.group(1)) + " \\S").matcher(after).find());
            assertFalse("base units: " + type.group(1), type.group(1).matches(".*_(milliseconds|millis|kilobytes|megabytes)(_.*)?"));
        }
        assertTrue(after, figures >= 15);
        for (String present : List.of("onewindow_node_info{", "onewindow_storage_free_bytes ", "onewindow_storage_writable 1",
                "onewindow_derby_size_bytes ", "onewindow_journal_records_written_total ", "# HELP onewindow_replication_backlog_records",
                "jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ", "process_uptime_seconds ",
                "system_cpu_count ", "onewindow_metrics_collect_seconds ")) {
            assertTrue(present + " in " + after, after.contains(present));
        }
        assertTrue(sum(after, "onewindow_storage_free_bytes") > 0);
        assertTrue(sum(after, "onewindow_derby_size_bytes") > 0);
        assertTrue("the cases went into the journal", sum(after, "onewindow_journal_records_written_total") >= 3);
        // health as /health says it: one status 1, the others 0
        String status = http.get("/health", null).json().path("status").asText();
        assertEquals(after, 1, sum(after, "onewindow_health_status{status=\"" + status + "\"}"), 0);
        assertEquals(after, 1, sum(after, "onewindow_health_status{"), 0);
    }

    @Test
    public void theMonitorAndTheSystemAdministratorReadTheFiguresAndNobodyElse() {
        Http.Answer anonymous = http.get("/metrics", null);
        assertEquals(anonymous.toString(), 401, anonymous.status);
        assertEquals("UNAUTHENTICATED", anonymous.code());
        for (String refused : List.of("clerk", "reviewer", "supervisor", "security", "auditor")) {
            Http.Answer a = http.get("/metrics", refused);
            assertEquals(refused + ": " + a, 403, a.status);
            assertEquals("FORBIDDEN", a.code());
        }
        Http.Answer monitor = http.get("/metrics", "monitor");
        assertEquals(200, monitor.status);
        // CXF writes the parameters in an order of its own: text/plain;charset=utf-8;version=0.0.4
        assertTrue(monitor.contentType, monitor.contentType.startsWith("text/plain") && monitor.contentType.contains("version=0.0.4"));
        assertTrue(monitor.body.contains("# HELP onewindow_cases_taken_in_total"));
        assertEquals(200, http.get("/metrics", "admin").status);
        Http.Answer open = http.exchange("GET", "/metrics", Map.of("Authorization", basic("monitor:monitor-demo"),
                "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"), null);
        assertEquals(200, open.status);
        assertTrue(open.contentType, open.contentType.startsWith("application/openmetrics-text"));
        assertTrue(open.body.strip().endsWith("# EOF"));
        // the monitoring account reaches nothing else: no case, no catalog, no outbox
        for (String path : List.of("/cases?size=1", "/catalog/items?size=1", "/relay/outbox?size=1", "/health/details", "/users")) {
            Http.Answer a = http.get(path, "monitor");
            assertEquals(path + ": " + a, 403, a.status);
        }
    }

    @Test
    public void aScrapeIsCheapAndTwoScrapersReadTheDatabaseOnce() {
        scrape();
        long t0 = System.nanoTime();
        int n = 20;
        for (int i = 0; i < n; i++) {
            scrape();
        }
        double cachedMs = (System.nanoTime() - t0) / 1e6 / n;
        String text = scrape();
        double collectMs = sum(text, "onewindow_metrics_collect_seconds") * 1000;
        System.out.printf("Scrape cost: %.1f ms a scrape over HTTP (figures cached), %.1f ms the last reading of health, disk and database%n",
                cachedMs, collectMs);
        assertTrue("a reading of the figures: " + collectMs + " ms", collectMs < 2000);
    }

    private String scrape() {
        Http.Answer a = http.get("/metrics", "monitor");
        assertEquals(a.toString(), 200, a.status);
        return a.body;
    }

    /** The sum of the series starting with {@code prefix} (a name, or a name and the first labels); 0 when none. */
    static double sum(String text, String prefix) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) || (prefix.startsWith("{") && line.contains(prefix))) {
                String value = line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0];
                if (line.indexOf('}') < 0) {
                    value = line.substring(line.indexOf(' ') + 1).trim().split(" ")[0];
                }
                double v = Double.parseDouble(value);
                sum += Double.isNaN(v) ? 0 : v;
            }
        }
        return sum;
    }

    private static String basic(String credentials) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
