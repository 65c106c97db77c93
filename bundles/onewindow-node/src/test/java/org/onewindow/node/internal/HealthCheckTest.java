package org.onewindow.node.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.onewindow.db.StorageState;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;
import org.osgi.framework.Bundle;

public class HealthCheckTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final StorageState ROOMY = new StorageState(true, null, null, 100 * GIB, 200 * GIB, 2 * GIB);
    private final NodeInfo district = info(NodeRole.DISTRICT);
    private final List<HealthCheck.Installed> installed = List.of(
            installed(Map.of("OneWindow-Capability", "catalog", "OneWindow-Schema", "catalog", "OneWindow-Endpoints", "/v1/catalog, /v1/public/catalog")),
            installed(Map.of("OneWindow-Capability", "scanning", "OneWindow-Schema", "scanning")),
            installed(Map.of("OneWindow-Capability", "hub", "OneWindow-Role", "hub", "OneWindow-Schema", "hub", "OneWindow-Endpoints", "/v1/hub")));

    @Test
    public void startingUntilEverySchemaIsMigratedAndEveryEndpointPublished() {
        HealthReport r = HealthCheck.evaluate(district, true, installed, Set.of("catalog"), Set.of("/v1/catalog"), ROOMY, List.of());
        assertEquals("STARTING", r.status);
        assertFalse(r.serving);
        assertEquals(List.of("endpoint /api/v1/public/catalog"), r.capabilities.get(0).waitingFor);
        assertEquals(List.of("schema scanning"), r.capabilities.get(1).waitingFor);
        assertEquals("the hub's side is not awaited on a district", 2, r.capabilities.size());

        r = HealthCheck.evaluate(district, true, installed, Set.of("catalog", "scanning"), Set.of("/v1/catalog", "/v1/public/catalog"), ROOMY, List.of());
        assertEquals("UP", r.status);
        assertTrue(r.serving);
        assertEquals(List.of(), r.reasons);
    }

    @Test
    public void startingUntilKarafFinishedBootAndWhileABundleIsNotActive() {
        Set<String> all = Set.of("catalog", "scanning");
        Set<String> published = Set.of("/v1/catalog", "/v1/public/catalog");
        assertEquals("STARTING", HealthCheck.evaluate(district, false, installed, all, published, ROOMY, List.of()).status);
        List<HealthCheck.Installed> resolved = List.of(new HealthCheck.Installed(installed.get(1).declared(), Bundle.RESOLVED));
        HealthReport r = HealthCheck.evaluate(district, true, resolved, all, published, ROOMY, List.of());
        assertEquals("STARTING", r.status);
        assertEquals(List.of("bundle RESOLVED"), r.capabilities.get(0).waitingFor);
        assertEquals("STARTING", HealthCheck.evaluate(district, true, installed, all, published, null, List.of()).status);
    }

    @Test
    public void aDatabaseThatCannotBeWrittenIsDegradedAndNotServingEvenWhileStarting() {
        StorageState readOnly = new StorageState(false, "DATABASE_READ_ONLY", "25502", 100 * GIB, 200 * GIB, 2 * GIB);
        HealthReport r = HealthCheck.evaluate(district, true, installed, Set.of(), Set.of(), readOnly, List.of());
        assertEquals("DEGRADED", r.status);
        assertFalse(r.serving);
        assertEquals("DATABASE_READ_ONLY", r.reasons.get(0).code());
        StorageState full = new StorageState(false, "STORAGE_FULL", null, 0, 200 * GIB, 2 * GIB);
        r = HealthCheck.evaluate(district, true, installed, Set.of("catalog", "scanning"), Set.of("/v1/catalog", "/v1/public/catalog"), full, List.of());
        assertEquals("DEGRADED", r.status);
        assertFalse(r.serving);
        assertEquals(List.of("STORAGE_FULL", "DISK_LOW"), r.reasons.stream().map(HealthReason::code).toList());
    }

    @Test
    public void lowDiskAndCapabilitiesReasonsAreDegradedButServing() {
        Set<String> all = Set.of("catalog", "scanning");
        Set<String> published = Set.of("/v1/catalog", "/v1/public/catalog");
        StorageState low = new StorageState(true, null, null, GIB, 200 * GIB, 2 * GIB);
        HealthReport r = HealthCheck.evaluate(district, true, installed, all, published, low, List.of());
        assertEquals("DEGRADED", r.status);
        assertTrue(r.serving);
        assertEquals("DISK_LOW", r.reasons.get(0).code());
        assertTrue(r.reasons.get(0).message(), r.reasons.get(0).message().contains("1.0 GiB"));
        r = HealthCheck.evaluate(district, true, installed, all, published, ROOMY, List.of(new HealthReason("HUB_LINK_FAILING", "枢纽连不上")));
        assertEquals("DEGRADED", r.status);
        assertTrue(r.serving);
    }

    @Test
    public void anEndpointNoCapabilityDeclaresIsShown() {
        HealthReport r = HealthCheck.evaluate(district, true, installed, Set.of("catalog", "scanning"),
                Set.of("/v1/catalog", "/v1/public/catalog", "/v1/hub", "/v1/forgotten"), ROOMY, List.of());
        assertEquals("declared by the hub's bundle, though inactive here", List.of("/v1/forgotten"), r.undeclaredEndpoints);
    }

    private static HealthCheck.Installed installed(Map<String, String> headers) {
        return new HealthCheck.Installed(DeclaredCapability.of(1, new Hashtable<>(headers)), Bundle.ACTIVE);
    }

    private static NodeInfo info(NodeRole role) {
        NodeInfo info = new NodeInfo();
        info.role = role;
        info.districtCode = "441302";
        info.version = "1.0.0";
        return info;
    }
}
