package org.onewindow.node;

/** This node's identity, from {@code etc/org.onewindow.node.cfg}. */
public class NodeInfo {
    public NodeRole role;
    /** The administrative division code of the district (GB/T 2260, six digits), e.g. 441302. */
    public String districtCode;
    public String districtName;
    /** Where the city hub listens; empty on the hub itself or before federation. */
    public String hubUrl;
    /** Demo mode: demo catalog and well-known demo users. Never on a production node. */
    public boolean demo;
    /** The OneWindow release this node runs. */
    public String version;
}
