package org.onewindow.node.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;

/** Reads and checks the node identity from its configuration. */
final class NodeIdentity {
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");

    private NodeIdentity() {
    }

    static NodeInfo from(NodeConfig config, String version) {
        NodeInfo info = new NodeInfo();
        info.role = role(config.role());
        if (!DISTRICT_CODE.matcher(config.districtCode().strip()).matches()) {
            throw new IllegalArgumentException("districtCode must be the six-digit administrative division code, not '"
                    + config.districtCode() + "'");
        }
        info.districtCode = config.districtCode().strip();
        if (config.districtName().isBlank()) {
            throw new IllegalArgumentException("districtName must not be empty");
        }
        info.districtName = config.districtName().strip();
        info.hubUrl = hubUrl(config.hubUrl().strip());
        info.demo = config.demo();
        info.version = version;
        return info;
    }

    private static NodeRole role(String value) {
        try {
            return NodeRole.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be 'district' or 'hub', not '" + value + "'", e);
        }
    }

    private static String hubUrl(String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("hubUrl must be an http(s) URL, not '" + value + "'");
    }
}
