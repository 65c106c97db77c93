package org.onewindow.audit.internal.feeds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.internal.AuditConfig;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of a configuration of OneWindow ({@code org.onewindow.*} PIDs, or the prefixes {@code configPidPrefixes}
 * names) goes to the audit trail with the keys changed, old and new values; a value whose key names a secret (password,
 * secret, token, key material) is said to have changed, never shown. Configuration Admin tells listeners of every update
 * and deletion, whatever made it: the shell's {@code config:} commands (recorded themselves too), an edited
 * {@code etc/*.cfg} file, the API.
 */
@Component(service = ConfigurationListener.class, immediate = true, configurationPid = AuditConfig.PID)
public class ConfigurationAudit implements ConfigurationListener {
    static final String UPDATED = "CONFIG_UPDATED";
    static final String DELETED = "CONFIG_DELETED";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|credential).*|.*[kK]ey");
    /** Keys Configuration Admin and File Install add, which are not the configuration. */
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", "service.bundleLocation", "felix.fileinstall.filename",
            "component.name", "component.id");

    @Reference
    AuditTrail trail;

    @Reference
    ConfigurationAdmin configurations;

    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
    private volatile List<String> prefixes = List.of("org.onewindow.");

    @Activate
    void activate(AuditConfig config) {
        configure(config);
        try {
            Configuration[] all = configurations.listConfigurations(null);
            for (Configuration c : all == null ? new Configuration[0] : all) {
                if (watched(c.getPid())) {
                    known.put(c.getPid(), values(c.getProperties()));
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("The configurations could not be read: changes are recorded without their former values", e);
        }
    }

    @Modified
    void configure(AuditConfig config) {
        prefixes = Arrays.stream(config.configPidPrefixes().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (!watched(pid)) {
            return;
        }
        try {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                known.remove(pid);
                trail.record(AuditEvent.by(DELETED, "system:configuration").channel("SYSTEM").on("CONFIG", pid).detail("configuration deleted"));
                return;
            }
            if (event.getType() != ConfigurationEvent.CM_UPDATED) {
                return;
            }
            Configuration c = configurations.getConfiguration(pid, "?");
            Dictionary<String, Object> props = c.getProperties();
            Map<String, String> now = values(props);
            Map<String, String> before = known.put(pid, now);
            String changes = changes(before, now);
            if (changes.isEmpty()) {
                return; // written again unchanged (File Install at a start, say)
            }
            Object file = props == null ? null : props.get("felix.fileinstall.filename");
            trail.record(AuditEvent.by(UPDATED, "system:configuration").channel("SYSTEM").on("CONFIG", pid)
                    .detail(changes + (file == null ? "" : " (file " + fileName(file.toString()) + ")")));
        } catch (IOException | RuntimeException e) {
            LOG.error("A change of configuration {} could not be recorded in the audit trail", pid, e);
        }
    }

    private boolean watched(String pid) {
        return pid != null && prefixes.stream().anyMatch(pid::startsWith);
    }

    static Map<String, String> values(Dictionary<String, Object> props) {
        Map<String, String> out = new TreeMap<>();
        if (props == null) {
            return out;
        }
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            if (!BOOKKEEPING.contains(k)) {
                Object v = props.get(k);
                out.put(k, v != null && v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : String.valueOf(v));
            }
        }
        return out;
    }

    /** {@code key: old -> new; ...}, secrets as {@code key: (changed)}; empty when nothing changed. */
    static String changes(Map<String, String> before, Map<String, String> now) {
        Map<String, String> old = before == null ? Map.of() : before;
        List<String> out = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String k : keys) {
            String a = old.get(k);
            String b = now.get(k);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (SECRET.matcher(k).matches()) {
                out.add(k + ": (" + (b == null ? "removed" : a == null ? "set" : "changed") + ")");
            } else {
                out.add(k + ": " + (a == null ? "(unset)" : a) + " -> " + (b == null ? "(removed)" : b));
            }
        }
        return String.join("; ", out);
    }

    private static String fileName(String url) {
        int slash = url.lastIndexOf('/');
        return slash < 0 ? url : url.substring(slash + 1);
    }
}
