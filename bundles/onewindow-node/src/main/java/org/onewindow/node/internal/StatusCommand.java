package org.onewindow.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** {@code onewindow:status}: what district IT checks first. */
@Command(scope = "onewindow", name = "status", description = "Shows this node's identity, version, health, database size and what each capability holds")
@Service
public class StatusCommand implements Action {

    @Reference
    NodeService node;

    @Reference
    BundleContext context;

    @Reference
    NodeHealth health;

    @Override
    public Object execute() throws InvalidSyntaxException {
        NodeInfo info = node.info();
        System.out.printf("OneWindow %s%n", info.version);
        System.out.printf("  node      %s %s (%s)%n", info.role.label(), info.districtCode, info.districtName);
        System.out.printf("  hub       %s%n", info.hubUrl.isEmpty() ? "(not federated)" : info.hubUrl);
        System.out.printf("  mode      %s%n", info.demo ? "DEMO (演示模式)" : "production");
        Path data = Paths.get(System.getProperty("karaf.data", "data"), "onewindow");
        System.out.printf("  data      %s, %s%n", data.toAbsolutePath().normalize(), humanSize(sizeOf(data)));
        HealthReport report = health.check();
        System.out.printf("  health    %s%s%n", report.status, report.readyAfterSeconds == null ? "" : String.format(" (ready %.1f s after start)", report.readyAfterSeconds));
        for (org.onewindow.node.HealthReason reason : report.reasons) {
            System.out.printf("    %-22s %s%n", reason.code(), reason.message());
        }
        report.capabilities.stream().filter(c -> !c.ready)
                .forEach(c -> System.out.printf("    %-22s waiting for %s%n", c.name, String.join(", ", c.waitingFor)));
        if (report.storage != null) {
            System.out.printf("  disk      %s free of %s%s%n", humanSize(report.storage.freeBytes), humanSize(report.storage.totalBytes),
                    report.storage.thresholdBytes > 0 ? " (DISK_LOW below " + humanSize(report.storage.thresholdBytes) + ")" : "");
        }
        List<ServiceReference<StatusContributor>> refs = new ArrayList<>(context.getServiceReferences(StatusContributor.class, null));
        refs.sort(Comparator.comparing(r -> String.valueOf(r.getProperty("component.name"))));
        for (ServiceReference<StatusContributor> ref : refs) {
            StatusContributor contributor = context.getService(ref);
            if (contributor == null) {
                continue;
            }
            try {
                System.out.printf("  %s%n", contributor.capability());
                for (Map.Entry<String, Object> line : contributor.status().entrySet()) {
                    System.out.printf("    %-22s %s%n", line.getKey(), line.getValue());
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return null;
    }

    static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
