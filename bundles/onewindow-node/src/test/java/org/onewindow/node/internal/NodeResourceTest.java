package org.onewindow.node.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Map;

import org.junit.Test;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;

/** The public index tells the pages whether the node is in demo mode, and nothing else of the node. */
public class NodeResourceTest {

    @Test
    public void theIndexSaysDemoOnADemoNode() {
        Map<String, Object> index = new NodeResource(null, () -> node(true)).index();
        assertEquals(Boolean.TRUE, index.get("demo"));
    }

    @Test
    public void theIndexSaysNotDemoOnAProductionNode() {
        Map<String, Object> index = new NodeResource(null, () -> node(false)).index();
        assertEquals(Boolean.FALSE, index.get("demo"));
        assertFalse("no version in the public index", index.containsKey("version"));
        assertFalse("no district in the public index", index.toString().contains("330106"));
    }

    @Test
    public void healthAnswersAsTheHealthServletDoesShouldTheRestServletTakeThePath() {
        for (boolean serving : new boolean[] {true, false}) {
            NodeHealth health = new NodeHealth() {
                @Override
                public HealthReport check() {
                    HealthReport r = new HealthReport();
                    r.status = serving ? "UP" : "STARTING";
                    r.serving = serving;
                    return r;
                }
            };
            javax.ws.rs.core.Response answer = new NodeResource(health, () -> node(false)).health();
            assertEquals(serving ? 200 : 503, answer.getStatus());
            assertEquals(Map.of("status", serving ? "UP" : "STARTING"), answer.getEntity());
            assertEquals(serving ? null : "5", answer.getHeaderString("Retry-After"));
        }
    }

    private static NodeInfo node(boolean demo) {
        NodeInfo info = new NodeInfo();
        info.role = NodeRole.DISTRICT;
        info.districtCode = "330106";
        info.districtName = "西湖区";
        info.version = "1.0.0";
        info.demo = demo;
        return info;
    }
}
