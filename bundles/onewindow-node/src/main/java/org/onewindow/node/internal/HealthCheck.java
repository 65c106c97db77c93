package org.onewindow.node.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.db.StorageState;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;
import org.osgi.framework.Bundle;

/**
 * The verdict from what the node sees: {@code STARTING} until the boot features are installed and every capability
 * installed for this node's role has migrated its schema and published its endpoints; then {@code UP}, or
 * {@code DEGRADED} with reasons. A database that cannot be written is {@code DEGRADED} at once, starting or not, since
 * nothing would come of waiting; the node then does not serve (503), as while it starts. Other reasons (the disk short of
 * space, a department's system or the hub failing, a year of the calendar missing) leave it serving.
 */
final class HealthCheck {
    static final String STARTING = "STARTING";
    static final String UP = "UP";
    static final String DEGRADED = "DEGRADED";

    private HealthCheck() {
    }

    /** A capability bundle installed on this node, with its OSGi state. */
    record Installed(DeclaredCapability declared, int bundleState) {
    }

    static HealthReport evaluate(NodeInfo info, boolean bootFinished, List<Installed> installed, Set<String> migrated, Set<String> published,
            StorageState storage, List<HealthReason> capabilityReasons) {
        HealthReport r = new HealthReport();
        r.role = info.role.label();
        r.node = info.districtCode;
        r.version = info.version;
        r.capabilities = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        boolean allReady = true;
        for (Installed i : installed) {
            declared.addAll(i.declared().endpoints());
            if (!i.declared().activeIn(r.role)) {
                continue;
            }
            HealthReport.CapabilityHealth c = new HealthReport.CapabilityHealth();
            c.name = i.declared().name();
            c.waitingFor = new ArrayList<>();
            if (i.bundleState() != Bundle.ACTIVE) {
                c.waitingFor.add("bundle " + stateName(i.bundleState()));
            }
            i.declared().schema().stream().filter(m -> !migrated.contains(m)).forEach(m -> c.waitingFor.add("schema " + m));
            i.declared().endpoints().stream().filter(e -> !published.contains(e)).forEach(e -> c.waitingFor.add("endpoint /api" + e));
            c.ready = c.waitingFor.isEmpty();
            allReady &= c.ready;
            r.capabilities.add(c);
        }
        Set<String> undeclared = new TreeSet<>(published);
        undeclared.removeAll(declared);
        r.undeclaredEndpoints = List.copyOf(undeclared);

        r.reasons = new ArrayList<>();
        boolean fatal = false;
        if (storage != null) {
            r.storage = new HealthReport.StorageHealth();
            r.storage.writable = storage.writable();
            r.storage.freeBytes = storage.freeBytes();
            r.storage.totalBytes = storage.totalBytes();
            r.storage.thresholdBytes = storage.thresholdBytes();
            if (!storage.writable()) {
                fatal = true;
                r.reasons.add(new HealthReason(storage.fault(), unwritable(storage)));
            }
            if (storage.low()) {
                r.reasons.add(new HealthReason("DISK_LOW", "数据磁盘剩余 " + StatusCommand.humanSize(storage.freeBytes()) + "，低于告警线 " + StatusCommand.humanSize(storage.thresholdBytes())
                        + "：请尽快清理或扩容 data/onewindow 所在磁盘，空间用尽后将无法受理办件和上传材料"));
            }
        }
        r.reasons.addAll(capabilityReasons);
        boolean starting = !bootFinished || !allReady || storage == null;
        r.status = fatal ? DEGRADED : starting ? STARTING : r.reasons.isEmpty() ? UP : DEGRADED;
        r.serving = !fatal && !starting;
        return r;
    }

    private static String unwritable(StorageState storage) {
        return switch (storage.fault()) {
            case "STORAGE_FULL" -> "数据磁盘已满，数据库无法写入，受理和上传都会失败：请立即清理或扩容 data/onewindow 所在磁盘（腾出空间后自动恢复）";
            case "DATABASE_READ_ONLY" -> "数据库只能读取、无法写入（磁盘故障后常被系统改为只读）：请检查 data/onewindow 所在磁盘，修复后重启设备";
            default -> "数据库无法写入：" + storage.detail();
        };
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
