package org.onewindow.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.node.Health;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * What the node says of itself, without the database: its identity, its health (a 0/1 gauge per status, and the
 * reasons it is not UP) and the disk under {@code data/onewindow} as {@code Storage} sees it.
 */
final class NodeFigures {
    static final List<String> STATUSES = List.of(Health.STARTING, Health.UP, Health.DEGRADED);
    private final Supplier<Health> health;
    private final Supplier<Storage> storage;
    private final MultiGauge status;
    private final MultiGauge reasons;
    private volatile StorageState disk;

    NodeFigures(MeterRegistry registry, NodeInfo node, Supplier<Health> health, Supplier<Storage> storage) {
        this.health = health;
        this.storage = storage;
        Gauge.builder("onewindow.node.info", () -> 1).description("The node: role, district and release (always 1)")
                .tags("role", node.role == null ? "unknown" : node.role.label(), "district", String.valueOf(node.districtCode),
                        "version", String.valueOf(node.version))
                .register(registry);
        status = MultiGauge.builder("onewindow.health.status").description("The node's health as GET /api/v1/health says it: 1 for the"
                + " status it has, 0 for the others (STARTING, UP, DEGRADED)").register(registry);
        reasons = MultiGauge.builder("onewindow.health.reason").description("Why the node is not UP: 1 for each reason code it gives"
                + " (DISK_LOW, HUB_LINK_FAILING, ...)").register(registry);
        Gauge.builder("onewindow.storage.free", this, f -> f.disk == null || f.disk.freeBytes() < 0 ? Double.NaN : f.disk.freeBytes())
                .baseUnit(BaseUnits.BYTES).description("Free space under data/onewindow (the database and the scans)").register(registry);
        Gauge.builder("onewindow.storage.total", this, f -> f.disk == null || f.disk.totalBytes() < 0 ? Double.NaN : f.disk.totalBytes())
                .baseUnit(BaseUnits.BYTES).description("The size of the filesystem of data/onewindow").register(registry);
        Gauge.builder("onewindow.storage.threshold", this, f -> f.disk == null ? Double.NaN : f.disk.thresholdBytes())
                .baseUnit(BaseUnits.BYTES).description("Free space below which the node is DEGRADED with DISK_LOW (etc/org.onewindow.storage.cfg)")
                .register(registry);
        Gauge.builder("onewindow.storage.writable", this, f -> f.disk == null ? Double.NaN : f.disk.writable() ? 1 : 0)
                .description("1 while the database can be written, 0 when it cannot (full disk, read-only)").register(registry);
    }

    void refresh() {
        Storage s = storage.get();
        disk = s == null ? null : s.state();
        Health h = health.get();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        List<MultiGauge.Row<?>> reasonRows = new ArrayList<>();
        if (h != null) {
            Health.Status now = h.now();
            for (String st : STATUSES) {
                statusRows.add(MultiGauge.Row.of(Tags.of("status", st), st.equals(now.status()) ? 1 : 0));
            }
            now.reasons().stream().map(HealthReason::code).distinct().forEach(code -> reasonRows.add(MultiGauge.Row.of(Tags.of("code", code), 1)));
        }
        status.register(statusRows, true);
        reasons.register(reasonRows, true);
    }
}
