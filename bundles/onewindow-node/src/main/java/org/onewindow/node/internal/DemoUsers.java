package org.onewindow.node.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.onewindow.node.NodeService;
import org.onewindow.security.UserStores;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode, creates the demo users in the {@code karaf} JAAS realm (passwords hashed by the
 * realm); on a production node, warns loudly while no user holds the {@code admin} role.
 */
@Component(immediate = true)
public class DemoUsers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    static final String REALM = "karaf";
    /** User, password and what they are given ({@code _g_:} marks a Karaf group). */
    static final Map<String, String[]> USERS = new LinkedHashMap<>();

    static {
        // admingroup carries Karaf's own admin and ssh roles, so bin/client works for the demo admin
        USERS.put("admin", new String[] {"admin-demo", "admin", "_g_:admingroup"});
        USERS.put("clerk", new String[] {"clerk-demo", "clerk"});
        // the demo reviewer works for every department of the demo catalog
        USERS.put("reviewer", new String[] {"reviewer-demo", "reviewer", "dept-ALL"});
        USERS.put("supervisor", new String[] {"supervisor-demo", "supervisor"});
    }

    @Reference
    NodeService node;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<BackingEngineFactory> engines;

    @Activate
    void activate() {
        BackingEngine engine = engine();
        if (engine == null) {
            LOG.warn("The JAAS realm '{}' has no user store that OneWindow can manage yet", REALM);
            return;
        }
        if (node.info().demo) {
            createDemoUsers(engine);
            settle();
            announceDemo();
        } else if (!hasAdmin(engine)) {
            String warning = "No user holds the admin role. Set an admin password with bin/onewindow-admin-password before the hall opens.";
            LOG.error(warning);
            System.out.println("\n!!! OneWindow: " + warning + "\n");
        }
    }

    /**
     * Karaf rewrites users.properties whenever it changes, to encrypt plain passwords; reading the file
     * while it is being written, it can spoil the entry being written (an empty password, no roles).
     * Once the file is quiet, every demo user is read back, and a spoiled one written again.
     */
    private void settle() {
        boolean settled = SettledWrites.settle(this::engine, engine -> spoiled(engine).isEmpty(), engine -> {
            List<String> spoiled = spoiled(engine);
            LOG.warn("Demo users {} were spoiled by a concurrent rewrite of users.properties; writing them again", spoiled);
            spoiled.forEach(engine::deleteUser);
            createDemoUsers(engine);
        });
        if (!settled) {
            LOG.error("Demo users still not right in users.properties after {} attempts", SettledWrites.ROUNDS);
        }
    }

    /** The demo users missing from the store, or without one of their roles or groups. */
    static List<String> spoiled(BackingEngine engine) {
        return USERS.entrySet().stream().filter(u -> {
            UserPrincipal user = engine.lookupUser(u.getKey());
            if (user == null) {
                return true;
            }
            Set<String> roles = engine.listRoles(user).stream().map(RolePrincipal::getName).collect(Collectors.toSet());
            Set<String> groups = engine.listGroups(user).stream().map(GroupPrincipal::getName).collect(Collectors.toSet());
            return Arrays.stream(u.getValue()).skip(1).anyMatch(r -> r.startsWith("_g_:") ? !groups.contains(r.substring(4)) : !roles.contains(r));
        }).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    static void createDemoUsers(BackingEngine engine) {
        Set<String> existing = engine.listUsers().stream().map(UserPrincipal::getName).collect(Collectors.toSet());
        for (Map.Entry<String, String[]> user : USERS.entrySet()) {
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

    static boolean hasAdmin(BackingEngine engine) {
        for (UserPrincipal user : engine.listUsers()) {
            if (engine.listRoles(user).stream().map(RolePrincipal::getName).anyMatch("admin"::equals)) {
                return true;
            }
            for (GroupPrincipal group : engine.listGroups(user)) {
                if (engine.listRoles(group).stream().map(RolePrincipal::getName).anyMatch("admin"::equals)) {
                    return true;
                }
            }
        }
        return false;
    }

    private BackingEngine engine() {
        return UserStores.of(REALM, realms, engines);
    }

    private static void announceDemo() {
        String banner = "\n"
                + "************************************************************************\n"
                + "*  OneWindow DEMO MODE (演示模式): demo catalog and well-known passwords  *\n"
                + "*  admin/admin-demo  clerk/clerk-demo  reviewer/reviewer-demo           *\n"
                + "*  supervisor/supervisor-demo   --  NEVER use demo mode in a real hall  *\n"
                + "************************************************************************\n";
        LOG.warn(banner);
        System.out.println(banner);
    }
}
