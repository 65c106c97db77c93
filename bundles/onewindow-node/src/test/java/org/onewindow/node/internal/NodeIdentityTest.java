package org.onewindow.node.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;

import org.junit.Test;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;

public class NodeIdentityTest {

    @Test
    public void readsAValidIdentity() {
        NodeInfo info = NodeIdentity.from(config("HUB", "440000", "惠州市", "https://hub.example:8181", true), "1.0");
        assertEquals(NodeRole.HUB, info.role);
        assertEquals("440000", info.districtCode);
        assertEquals("hub", info.role.label());
        assertEquals(true, info.demo);
    }

    @Test
    public void refusesBadValues() {
        refused(config("city", "441302", "惠城区", "", false));
        refused(config("district", "4413", "惠城区", "", false));
        refused(config("district", "441302", " ", "", false));
        refused(config("district", "441302", "惠城区", "ftp://hub", false));
    }

    @Test
    public void humanSizes() {
        assertEquals("512 B", StatusCommand.humanSize(512));
        assertEquals("1.5 KiB", StatusCommand.humanSize(1536));
        assertEquals("2.0 MiB", StatusCommand.humanSize(2L * 1024 * 1024));
    }

    private static void refused(NodeConfig config) {
        try {
            NodeIdentity.from(config, "1.0");
            fail("must be refused");
        } catch (IllegalArgumentException expected) {
            // the message names the bad setting
        }
    }

    private static NodeConfig config(String role, String code, String name, String hub, boolean demo) {
        return new NodeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NodeConfig.class;
            }

            @Override
            public String role() {
                return role;
            }

            @Override
            public String districtCode() {
                return code;
            }

            @Override
            public String districtName() {
                return name;
            }

            @Override
            public String hubUrl() {
                return hub;
            }

            @Override
            public boolean demo() {
                return demo;
            }
        };
    }
}
