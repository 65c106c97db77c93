package org.onewindow.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.Test;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

public class HttpRequestsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpRequests requests = new HttpRequests(registry);

    @Test
    public void requestsAreCountedAndTimedByTemplateMethodAndStatus() {
        requests.record("/api/v1/cases/{caseNo}", "GET", 200, TimeUnit.MILLISECONDS.toNanos(3));
        requests.record("/api/v1/cases/{caseNo}", "GET", 200, TimeUnit.MILLISECONDS.toNanos(40));
        requests.record("/api/v1/cases/{caseNo}", "GET", 404, TimeUnit.MILLISECONDS.toNanos(2));
        requests.record("/api/v1/cases", "POST", 201, TimeUnit.MILLISECONDS.toNanos(300));
        String text = registry.scrape(Exposition.TEXT);
        String get = "onewindow_http_server_requests_seconds_count{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\"}";
        assertEquals(text, 2, DatabaseFiguresTest.value(text, get), 0);
        assertEquals(text, 1, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_count{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"404\"}"), 0);
        assertEquals(text, 0.043, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_sum{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\"}"), 1e-9);
        assertTrue(text, text.contains("# TYPE onewindow_http_server_requests_seconds histogram"));
        assertTrue(text, text.contains("# HELP onewindow_http_server_requests_seconds REST requests by endpoint"));
        // the buckets a p99 is read from: 3 ms in le=0.005, 40 ms in le=0.05 but not le=0.025
        assertEquals(1, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_bucket{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\",le=\"0.005\"}"), 0);
        assertEquals(1, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_bucket{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\",le=\"0.025\"}"), 0);
        assertEquals(2, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_bucket{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\",le=\"0.05\"}"), 0);
        assertEquals(2, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_bucket{endpoint=\"/api/v1/cases/{caseNo}\",method=\"GET\",status=\"200\",le=\"+Inf\"}"), 0);
    }

    @Test
    public void anOddMethodIsOneLabel() {
        requests.record("UNMATCHED", "PROPFIND", 404, 1000);
        requests.record("UNMATCHED", "X-ANYTHING", 404, 1000);
        String text = registry.scrape(Exposition.TEXT);
        assertEquals(text, 2, DatabaseFiguresTest.value(text,
                "onewindow_http_server_requests_seconds_count{endpoint=\"UNMATCHED\",method=\"OTHER\",status=\"404\"}"), 0);
        assertFalse(text, text.contains("PROPFIND"));
    }

    @Test
    public void openMetricsWhenTheScraperAsksForIt() {
        requests.record("/api/v1/cases", "POST", 201, 1000);
        String accept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        assertEquals(Exposition.OPENMETRICS, Exposition.contentType(accept));
        assertTrue(Exposition.OPENMETRICS.startsWith("application/openmetrics-text"));
        String text = registry.scrape(Exposition.contentType(accept));
        assertTrue(text, text.trim().endsWith("# EOF"));
        assertEquals(Exposition.TEXT, Exposition.contentType("text/plain"));
        assertEquals(Exposition.TEXT, Exposition.contentType(null));
        assertEquals("protobuf is not carried: text", Exposition.TEXT,
                Exposition.contentType("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"));
        assertTrue(Exposition.TEXT.startsWith("text/plain; version=0.0.4"));
        assertFalse(registry.scrape(Exposition.TEXT).contains("# EOF"));
    }
}
