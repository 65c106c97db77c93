package org.onewindow.audit.internal.feeds;

import java.util.Map;

/** The listener's description of a change, for tests in the parent package. */
public final class ConfigurationAuditTestAccess {
    private ConfigurationAuditTestAccess() {
    }

    public static String changes(Map<String, String> before, Map<String, String> now) {
        return ConfigurationAudit.changes(before, now);
    }
}
