package org.onewindow.access.internal.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.node.NodeService;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode, creates the demo users: one of each staff role in the web realm (the three
 * administrators of graded protection apart: admin, security, auditor) and a shell operator in the
 * shell's realm; their passwords are hashed by the realm and need no change. On a production node,
 * warns loudly while one of the three administrators or the shell operator is missing.
 */
@Component(immediate = true)
public class DemoUsers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    /** User, password and roles ({@code _g_:} marks a Karaf group) in the web realm. */
    static final Map<String, String[]> STAFF = new LinkedHashMap<>();
    /** The shell's operator: Karaf's own roles, which mean nothing on the web. */
    static final Map<String, String[]> OPERATORS = new LinkedHashMap<>();

    static {
        STAFF.put("admin", new String[] {"admin-demo", Actor.ADMIN});
        STAFF.put("clerk", new String[] {"clerk-demo", Actor.CLERK});
        // the demo reviewer works for every department of the demo catalog
        STAFF.put("reviewer", new String[] {"reviewer-demo", Actor.REVIEWER, "dept-ALL"});
        STAFF.put("supervisor", new String[] {"supervisor-demo", Actor.SUPERVISOR});
        STAFF.put("security", new String[] {"security-demo", Actor.SECURITY});
        STAFF.put("auditor", new String[] {"auditor-demo", Actor.AUDITOR});
        STAFF.put("monitor", new String[] {"monitor-demo", Actor.MONITOR});
        OPERATORS.put("operator", new String[] {"operator-demo", "ssh", "admin", "manager", "viewer", "systembundles"});
    }

    @Reference
    NodeService node;

    @Reference
    JaasStaffLogins access;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<BackingEngineFactory> engines;

    @Activate
    void activate() {
        String web = access.config().realm();
        String shell = access.config().shellRealm();
        BackingEngine staff = UserStores.of(web, realms, engines);
        if (staff == null) {
            LOG.warn("The JAAS realm '{}' has no user store that OneWindow can manage yet", web);
            return;
        }
        BackingEngine operators = UserStores.of(shell, realms, engines);
        if (node.info().demo) {
            createMissing(web, STAFF);
            if (operators != null) {
                createMissing(shell, OPERATORS);
            }
            SecretFiles.ownerOnly(access.usersFile());
            announceDemo();
            return;
        }
        for (String role : List.of(Actor.ADMIN, Actor.SECURITY, Actor.AUDITOR)) {
            if (!hasRole(staff, role)) {
                warn("No user holds the " + role + " role. Set its password with bin/onewindow-admin-password " + role + " before the hall opens.");
            }
        }
        if (operators != null && operators.listUsers().isEmpty()) {
            warn("The shell has no operator: bin/onewindow-admin-password operator makes one (SSH to 127.0.0.1 only by default).");
        }
    }

    private static void warn(String warning) {
        LOG.error(warning);
        System.out.println("\n!!! OneWindow: " + warning + "\n");
    }

    /** Writes the users missing from the realm in one change of its file; those there are left as they are. */
    private void createMissing(String realm, Map<String, String[]> users) {
        UserStores.change(realm, realms, engines, engine -> {
            create(engine, users);
            return null;
        });
    }

    static void create(BackingEngine engine, Map<String, String[]> users) {
        Set<String> existing = engine.listUsers().stream().map(UserPrincipal::getName).collect(Collectors.toSet());
        for (Map.Entry<String, String[]> user : users.entrySet()) {
            if (existing.contains(user.getKey())) {
                continue;
            }
            String[] spec = user.getValue();
            engine.addUser(user.getKey(), spec[0]);
            for (int i = 1; i < spec.length; i++) {
                if (spec[i].startsWith("_g_:")) {
                    engine.addGroup(user.getKey(), spec[i].substring(4));
                } else {
                    engine.addRole(user.getKey(), spec[i]);
                }
            }
            LOG.info("Demo user {} created", user.getKey());
        }
    }

    static boolean hasRole(BackingEngine engine, String role) {
        for (UserPrincipal user : engine.listUsers()) {
            if (engine.listRoles(user).stream().map(RolePrincipal::getName).anyMatch(role::equals)) {
                return true;
            }
        }
        return false;
    }

    private static void announceDemo() {
        String banner = "\n"
                + "************************************************************************\n"
                + "*  OneWindow DEMO MODE (演示模式): demo catalog and well-known passwords  *\n"
                + "*  admin/admin-demo  clerk/clerk-demo  reviewer/reviewer-demo           *\n"
                + "*  supervisor/supervisor-demo  security/security-demo                   *\n"
                + "*  auditor/auditor-demo  monitor/monitor-demo (metrics scraper)         *\n"
                + "*  shell: operator/operator-demo                                        *\n"
                + "*  NEVER use demo mode in a real hall                                   *\n"
                + "************************************************************************\n";
        LOG.warn(banner);
        System.out.println(banner);
    }
}
