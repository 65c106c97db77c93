package org.onewindow.node;

import org.osgi.annotation.versioning.ProviderType;

/** This node's identity. */
@ProviderType
public interface NodeService {
    NodeInfo info();
}
