package org.onewindow.node.internal;

import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's identity from {@code etc/org.onewindow.node.cfg}; a bad value stops the node's API from starting. */
@Component(service = NodeService.class, configurationPid = NodeConfig.PID)
@Designate(ocd = NodeConfig.class)
public class ConfiguredNode implements NodeService {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredNode.class);

    private NodeInfo info;

    @Activate
    void activate(NodeConfig config, BundleContext context) {
        try {
            info = NodeIdentity.from(config, context.getBundle().getHeaders().get("OneWindow-Version"));
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid node configuration in etc/org.onewindow.node.cfg: {}", e.getMessage());
            throw e;
        }
        LOG.info("OneWindow {} node {} {} ({}) is up", info.version, info.role.label(), info.districtCode, info.districtName);
    }

    @Override
    public NodeInfo info() {
        NodeInfo copy = new NodeInfo();
        copy.role = info.role;
        copy.districtCode = info.districtCode;
        copy.districtName = info.districtName;
        copy.hubUrl = info.hubUrl;
        copy.demo = info.demo;
        copy.version = info.version;
        return copy;
    }
}
