package org.onewindow.access.internal.users;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.Test;

public class DemoUsersTest {
    /** A user store in memory: name to roles, as much of BackingEngine as the demo users use. */
    static BackingEngine store(Map<String, List<String>> users) {
        return (BackingEngine) Proxy.newProxyInstance(DemoUsersTest.class.getClassLoader(), new Class<?>[] {BackingEngine.class},
                (p, method, args) -> {
                    switch (method.getName()) {
                        case "lookupUser":
                            return users.containsKey(args[0]) ? new UserPrincipal((String) args[0]) : null;
                        case "listUsers":
                            return users.keySet().stream().map(UserPrincipal::new).collect(Collectors.toList());
                        case "listRoles":
                            return users.get(((Principal) args[0]).getName()).stream().filter(r -> !r.startsWith("_g_:"))
                                    .map(RolePrincipal::new).collect(Collectors.toList());
                        case "listGroups":
                            return users.get(((Principal) args[0]).getName()).stream().filter(r -> r.startsWith("_g_:"))
                                    .map(r -> new GroupPrincipal(r.substring(4))).collect(Collectors.toList());
                        case "addUser":
                            users.putIfAbsent((String) args[0], new ArrayList<>());
                            return null;
                        case "deleteUser":
                            users.remove(args[0]);
                            return null;
                        case "addRole":
                            users.get(args[0]).add((String) args[1]);
                            return null;
                        case "addGroup":
                            users.get(args[0]).add("_g_:" + args[1]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    public void theThreeAdministratorsAreThreeUsersAndTheWebAdministratorHasNoShell() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        DemoUsers.create(store(users), DemoUsers.STAFF);
        assertEquals(List.of("admin"), users.get("admin"));
        assertEquals(List.of("security"), users.get("security"));
        assertEquals(List.of("auditor"), users.get("auditor"));
        assertEquals("a scraper's account of its own", List.of("monitor"), users.get("monitor"));
        assertEquals("no Karaf group, no ssh role", false, users.values().stream().flatMap(List::stream).anyMatch(r -> r.startsWith("_g_:") || r.equals("ssh")));
        Map<String, List<String>> operators = new LinkedHashMap<>();
        DemoUsers.create(store(operators), DemoUsers.OPERATORS);
        assertEquals(List.of("ssh", "admin", "manager", "viewer", "systembundles"), operators.get("operator"));
    }

    @Test
    public void onlyMissingUsersAreCreatedAndChangedOnesAreLeftAsTheyAre() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        BackingEngine engine = store(users);
        DemoUsers.create(engine, DemoUsers.STAFF);
        users.remove("clerk");
        users.get("reviewer").remove("dept-ALL");
        DemoUsers.create(engine, DemoUsers.STAFF);
        assertEquals(List.of("clerk"), users.get("clerk"));
        assertEquals("the security administrator's change stays", List.of("reviewer"), users.get("reviewer"));
    }
}
