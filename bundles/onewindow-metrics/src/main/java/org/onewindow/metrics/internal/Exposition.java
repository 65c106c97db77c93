package org.onewindow.metrics.internal;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/** Which text format a scraper gets: OpenMetrics if its {@code Accept} names it, else Prometheus' text format 0.0.4. */
final class Exposition {
    static final String TEXT = PrometheusTextFormatWriter.CONTENT_TYPE;
    static final String OPENMETRICS = OpenMetricsTextFormatWriter.CONTENT_TYPE;

    /** A scrape's text and its content type. */
    record Scrape(String contentType, String body) {
    }

    private Exposition() {
    }

    /** Never the protobuf format, which this appliance does not carry: a scraper asking for it gets text, as Prometheus accepts. */
    static String contentType(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
    }
}
